package org.policygraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.extract.PolicyExtractor;
import org.policygraph.graph.EmbeddedGraphTestSupport;
import org.policygraph.graph.LinkStore;
import org.policygraph.link.LinkStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.policygraph.upload.SampleDocuments;

/** The ingestion service on the real embedded Neo4j: batches, duplicates, unreadable files. */
class DocumentIngesterTest extends EmbeddedGraphTestSupport {

    @Autowired
    LinkStage linkStage;

    @Autowired
    LinkStore linkStore;

    @BeforeEach
    void emptyGraph() {
        clearDocuments();
    }

    @Test
    void shouldReportDuplicatesWithinABatchByContentAndKey() {
        DocumentIngester ingester = new DocumentIngester(loader, PolicyExtractor::new);
        byte[] baiyin = SampleDocuments.text(SampleDocuments.BAIYIN).getBytes(StandardCharsets.UTF_8);
        byte[] renumbered = SampleDocuments.renumbered(SampleDocuments.BAIYIN, 7).getBytes(StandardCharsets.UTF_8);
        // Same doc number, other bytes: a duplicate by key.
        byte[] sameNumber = (SampleDocuments.text(SampleDocuments.BAIYIN) + "\n").getBytes(StandardCharsets.UTF_8);

        List<DocumentIngester.Outcome> outcomes = ingester.ingestBatch(List.of(
                new DocumentIngester.Input("a.txt", baiyin),
                new DocumentIngester.Input("b.txt", baiyin),
                new DocumentIngester.Input("c.txt", renumbered),
                new DocumentIngester.Input("d.txt", sameNumber),
                new DocumentIngester.Input("e.txt", new byte[] {0, 1, 2, 3})));

        assertThat(outcomes).extracting(DocumentIngester.Outcome::result).containsExactly(
                "ok: 26 tasks (市政办发〔2021〕100号)",
                "duplicate of 市政办发〔2021〕100号",
                "ok: 26 tasks (" + SampleDocuments.key(SampleDocuments.BAIYIN, 7) + ")",
                "duplicate of 市政办发〔2021〕100号",
                outcomes.get(4).result());
        assertThat(outcomes.get(4).status()).isEqualTo(DocumentIngester.Status.FAILED);
        assertThat(count("MATCH (t:Task) RETURN count(t)")).isEqualTo(52);

        // Again: everything already in the graph is a duplicate, nothing changes.
        Map<String, Long> before = counts();
        List<DocumentIngester.Outcome> again = ingester.ingestBatch(List.of(
                new DocumentIngester.Input("b.txt", baiyin), new DocumentIngester.Input("c.txt", renumbered)));
        assertThat(again).extracting(DocumentIngester.Outcome::status)
                .containsOnly(DocumentIngester.Status.DUPLICATE);
        assertThat(counts()).isEqualTo(before);
    }

    /**
     * A run of several batches loads them all, then links in level order: the city document, loaded in
     * the first batch, stays pending until the provincial one of the second batch is loaded and linked.
     */
    @Test
    void aRunOfSeveralBatchesLinksOnceAllAreLoaded() {
        DocumentIngester ingester = new DocumentIngester(loader, 8L << 20, 1, null,
                () -> DocumentExtractor.of(new PolicyExtractor()), linkStage, 0, null, null, true);
        String baiyin2022 = SampleDocuments.key(SampleDocuments.BAIYIN, 100).replace("2021", "2022");
        String gansu = "甘政办发〔2022〕84号";
        List<Set<String>> pendingAfterEachBatch = new ArrayList<>();
        List<LinkStage.Progress> linking = new ArrayList<>();

        List<DocumentIngester.Outcome> outcomes = ingester.ingestAll(List.of(
                new DocumentIngester.Input("baiyin.txt", SampleDocuments.inGansuYear(SampleDocuments.text(SampleDocuments.BAIYIN))
                        .getBytes(StandardCharsets.UTF_8)),
                new DocumentIngester.Input("gansu.txt", SampleDocuments.text(SampleDocuments.GANSU).getBytes(StandardCharsets.UTF_8))),
                DocumentIngester.Mode.SKIP_LOADED, batch -> pendingAfterEachBatch.add(linkStore.allPending()), linking::add);

        assertThat(outcomes).extracting(DocumentIngester.Outcome::documentKey).containsExactly(baiyin2022, gansu);
        assertThat(pendingAfterEachBatch).containsExactly(Set.of(baiyin2022), Set.of(baiyin2022, gansu));
        assertThat(linking).containsExactly(new LinkStage.Progress(1, 2), new LinkStage.Progress(2, 2));
        assertThat(linkStore.allPending()).isEmpty();
        assertThat(count("MATCH (:Task {docKey: '" + baiyin2022 + "'})-[r:IMPLEMENTS]->(:Task {docKey: '" + gansu
                + "'}) RETURN count(r)")).isPositive();
    }

    @Test
    void shouldIngestAllInBatchesInInputOrderWithAnUnreadableFileFailingAlone() {
        DocumentIngester ingester = new DocumentIngester(loader, PolicyExtractor::new, 8L << 20, 2, null);
        List<DocumentIngester.Input> inputs = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            inputs.add(new DocumentIngester.Input("n" + number + ".txt", SampleDocuments
                    .renumbered(SampleDocuments.BAIYIN, number).getBytes(StandardCharsets.UTF_8)));
        }
        inputs.add(1, new DocumentIngester.Input("gone.txt", () -> {
            throw new IOException("no such file");
        }));
        List<Integer> batchStarts = new ArrayList<>();

        List<DocumentIngester.Outcome> outcomes = ingester.ingestAll(inputs, batch -> batchStarts.add(batch.from()));

        assertThat(batchStarts).containsExactly(0, 2);
        assertThat(outcomes).extracting(DocumentIngester.Outcome::sourceName)
                .containsExactly("n1.txt", "gone.txt", "n2.txt", "n3.txt");
        assertThat(outcomes.get(1).result()).isEqualTo("failed: cannot read: java.io.IOException: no such file");
        assertThat(outcomes).filteredOn(DocumentIngester.Outcome::ok).extracting(DocumentIngester.Outcome::documentKey)
                .containsExactly(SampleDocuments.key(SampleDocuments.BAIYIN, 1), SampleDocuments.key(SampleDocuments.BAIYIN, 2),
                        SampleDocuments.key(SampleDocuments.BAIYIN, 3));
        assertThat(count("MATCH (t:Task) RETURN count(t)")).isEqualTo(3 * 26);
    }
}
