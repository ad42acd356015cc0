package org.policygraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale corpus is a function of its seed (not a benchmark: nothing here is timed). */
class CorpusGeneratorTest {

    @Test
    void sameSeedSameDocumentsOtherSeedOtherDocuments() throws Exception {
        List<CorpusGenerator.Document> a = new CorpusGenerator(7).generate(30, 7);
        List<CorpusGenerator.Document> b = new CorpusGenerator(7).generate(30, 7);
        List<CorpusGenerator.Document> c = new CorpusGenerator(8).generate(30, 8);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a).extracting(CorpusGenerator.Document::docNumber).doesNotHaveDuplicates();
        assertThat(a).extracting(CorpusGenerator.Document::layout).contains("gansu", "baiyin");
    }

    @Test
    void recombinesEveryRealTask() throws Exception {
        assertThat(new CorpusGenerator(1).tasks()).hasSize(23 + 26);
    }
}
