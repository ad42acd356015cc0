package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.extract.Extraction;
import org.policygraph.graph.LinkStore;
import org.policygraph.upload.SampleDocuments;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The aligner keeps the term statistics of the loaded tasks between loads ({@link TermIndex}); its
 * scores must be those of TF-IDF vectors built from scratch over every loaded task, as they were
 * computed before the index existed, whatever was loaded, reloaded or batched since.
 */
class IncrementalAlignmentTest extends LinkTestSupport {

    @Autowired
    TaskAligner aligner;

    @Autowired
    LinkStore store;

    @Autowired
    TaskTerms terms;

    @BeforeEach
    void samples() {
        clearDocuments();
        loadSamples();
    }

    /** Every alignment of the document, checked against vectors built from every task read from the graph. */
    private void assertSameAsFromScratch(String lowerDocumentKey, int expectedLowerTasks) {
        List<TaskText> corpus = store.tasks(store.documents().stream().map(LinkStore.DocumentInfo::key).toList())
                .stream().map(TaskText::of).toList();
        TermVectors fromScratch = terms.vectors(corpus);
        List<TaskAligner.Alignment> alignments = aligner.alignments(lowerDocumentKey);
        assertThat(alignments).isNotEmpty();
        assertThat(alignments.stream().map(TaskAligner.Alignment::lowerTaskKey).distinct().count())
                .isEqualTo(expectedLowerTasks);
        for (TaskAligner.Alignment a : alignments) {
            TermVectors.Similarity expected = fromScratch.similarity(a.lowerTaskKey(), a.higherTaskKey());
            assertThat(a.score()).as(a.toString()).isEqualTo(expected.score());
            assertThat(a.sharedTerms()).as(a.toString()).isEqualTo(expected.sharedTerms());
        }
    }

    @Test
    void scoresEqualVectorsBuiltFromScratchAfterLoadsBatchesAndReloads() {
        assertSameAsFromScratch(BAIYIN_2022, 26);

        // A batch: two more city documents and another provincial one change every IDF.
        List<Extraction> batch = List.of(
                extract("b1", inGansuYear(SampleDocuments.renumbered(SampleDocuments.BAIYIN, 501))),
                extract("g1", SampleDocuments.renumbered(SampleDocuments.GANSU, 502)),
                extract("b2", inGansuYear(SampleDocuments.renumbered(SampleDocuments.BAIYIN, 503))));
        assertThat(loader.loadBatch(batch)).allMatch(item -> item.ok());
        assertSameAsFromScratch(BAIYIN_2022, 26);
        assertSameAsFromScratch(inGansuYear(SampleDocuments.key(SampleDocuments.BAIYIN, 501)), 26);

        // A reload with fewer tasks: the index reads the document again.
        Extraction baiyin = extract(BAIYIN, baiyin2022());
        loader.load(new Extraction(baiyin.document(), baiyin.sections(), baiyin.tasks().subList(0, 10)));
        assertSameAsFromScratch(BAIYIN_2022, 10);

        // A document removed behind the aligner's back (no event) leaves the statistics too.
        try (var session = sessions.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (d:Document {key: $key})
                    OPTIONAL MATCH (d)-[:HAS_TASK|HAS_SECTION]->(x)
                    DETACH DELETE x, d
                    """, java.util.Map.of("key", inGansuYear(SampleDocuments.key(SampleDocuments.BAIYIN, 503)))).consume());
        }
        assertSameAsFromScratch(BAIYIN_2022, 10);

        // alignAll starts from scratch and writes the same alignments as the incremental path computes.
        List<TaskAligner.Alignment> incremental = aligner.alignments(inGansuYear(SampleDocuments.key(SampleDocuments.BAIYIN, 501)));
        aligner.alignAll();
        assertThat(aligner.alignments(inGansuYear(SampleDocuments.key(SampleDocuments.BAIYIN, 501)))).isEqualTo(incremental);
    }
}
