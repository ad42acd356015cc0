package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Linking's view of the loaded documents is read whole once, then only what the corpus clock says
 * changed: at every step it must equal what a store that never read before reads whole.
 */
class LoadedDocumentsTest extends EmbeddedGraphTestSupport {

    private static final String GANSU_KEY = "甘政办发〔2022〕84号";
    private static final String BAIYIN_KEY = "市政办发〔2021〕100号";

    @BeforeEach
    void emptyGraph() {
        clearDocuments();
    }

    @Test
    void theViewReadBitByBitIsTheViewReadWhole() {
        LinkStore store = new LinkStore(sessions);
        assertThat(store.loadedDocuments().documents()).isEmpty();

        loader.load(gold(GANSU));
        assertSameAsReadWhole(store);
        assertThat(store.loadedDocuments().pending()).containsExactly(GANSU_KEY);

        store.markLinked(List.of(GANSU_KEY));
        loader.load(gold(BAIYIN));
        assertSameAsReadWhole(store);
        assertThat(store.loadedDocuments().pending()).containsExactly(BAIYIN_KEY);
        assertThat(keys(store)).containsExactly(BAIYIN_KEY, GANSU_KEY);

        store.markPending(List.of(GANSU_KEY));
        assertSameAsReadWhole(store);
        assertThat(store.loadedDocuments().pending()).containsExactlyInAnyOrder(GANSU_KEY, BAIYIN_KEY);

        new DocumentCatalog(sessions).delete(GANSU_KEY);
        assertSameAsReadWhole(store);
        assertThat(keys(store)).containsExactly(BAIYIN_KEY);

        // Emptied and filled again, the clock starts over: the view must not keep what it knew.
        loader.load(gold(GANSU));
        store.loadedDocuments();
        clearDocuments();
        loader.load(gold(GANSU));
        assertSameAsReadWhole(store);
        assertThat(keys(store)).containsExactly(GANSU_KEY);
    }

    @Test
    void concurrentWritesGetDistinctTicks() throws Exception {
        sessions.write(CorpusClock::tick);
        long before = tick();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                writes.add(() -> {
                    long[] tick = new long[1];
                    sessions.write(tx -> tick[0] = CorpusClock.tick(tx));
                    return tick[0];
                });
            }
            Set<Long> ticks = new java.util.HashSet<>();
            for (Future<Long> tick : pool.invokeAll(writes)) {
                ticks.add(tick.get());
            }
            assertThat(ticks).hasSize(40);
            assertThat(tick()).isEqualTo(before + 40);
        } finally {
            pool.shutdownNow();
        }
    }

    private long tick() {
        long[] tick = new long[1];
        sessions.write(tx -> tick[0] = CorpusClock.read(tx).tick());
        return tick[0];
    }

    private void assertSameAsReadWhole(LinkStore store) {
        LinkStore.LoadedDocuments bitByBit = store.loadedDocuments();
        LinkStore.LoadedDocuments whole = new LinkStore(sessions).loadedDocuments();
        assertThat(bitByBit).isEqualTo(whole);
    }

    private static List<String> keys(LinkStore store) {
        return store.loadedDocuments().documents().stream().map(LinkStore.DocumentInfo::key).toList();
    }
}
