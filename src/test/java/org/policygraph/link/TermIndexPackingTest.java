package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A county document's share of the document frequencies, one int a term, survives any count. */
class TermIndexPackingTest {

    @Test
    void countsAboveWhatOneEntryHoldsAreSplitAndAddUpAgain() {
        Map<Integer, Integer> counts = Map.of(0, 1, 7, 600, 70_000, 255, 16_000_000, 256);
        int[] packed = TermIndex.pack(counts);
        Map<Integer, Integer> unpacked = new HashMap<>();
        for (int entry : packed) {
            assertThat(entry & TermIndex.MAX_PACKED_COUNT).isPositive();
            unpacked.merge(entry >>> TermIndex.COUNT_BITS, entry & TermIndex.MAX_PACKED_COUNT, Integer::sum);
        }
        assertThat(unpacked).isEqualTo(counts);
        assertThat(packed).hasSize(1 + 3 + 1 + 2);
    }
}
