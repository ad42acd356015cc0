package org.policygraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.extract.Extraction;
import org.policygraph.graph.DocumentCatalog;
import org.policygraph.graph.EmbeddedGraphTestSupport;
import org.policygraph.graph.GraphLoaderTest;
import org.policygraph.upload.SampleDocuments;
import org.springframework.beans.factory.annotation.Autowired;

/** Originals and text kept, replace, re-extract and delete, on the real embedded Neo4j with the real extractor. */
class CorpusLifecycleTest extends EmbeddedGraphTestSupport {

    static final String GANSU_KEY = "甘政办发〔2022〕84号";
    static final String BAIYIN_KEY = "市政办发〔2021〕100号";

    @Autowired
    CorpusLifecycle corpus;

    @Autowired
    DocumentIngester ingester;

    @Autowired
    DocumentCatalog catalog;

    @Autowired
    OriginalStore originals;

    @BeforeEach
    void emptyGraph() {
        clearDocuments();
    }

    private static byte[] bytes(String sample) {
        return SampleDocuments.text(sample).getBytes(StandardCharsets.UTF_8);
    }

    private DocumentIngester.Outcome ingest(String name, byte[] content, DocumentIngester.Mode mode) {
        return ingester.ingestAll(List.of(new DocumentIngester.Input(name, content)), mode, batch -> {}).get(0);
    }

    @Test
    void shouldKeepTheOriginalAndTheTextTheSpansPointInto() {
        byte[] gansu = bytes(SampleDocuments.GANSU);
        assertThat(ingest("gansu.txt", gansu, DocumentIngester.Mode.SKIP_LOADED).status())
                .isEqualTo(DocumentIngester.Status.LOADED);

        DocumentCatalog.Entry entry = catalog.find(GANSU_KEY).orElseThrow();
        assertThat(entry.extractorVersion()).isEqualTo(ExtractorVersion.CURRENT);
        assertThat(entry.format()).isEqualTo("TEXT");
        assertThat(entry.loadedAt()).isNotBlank();
        assertThat(entry.tasks()).isEqualTo(23);
        assertThat(entry.hasText()).isTrue();
        assertThat(originals.get(entry.contentHash())).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(gansu));

        // Every task's span, read from the kept text, is the task's text.
        List<Map<String, Object>> spans = rows("""
                MATCH (:Document {key: $key})-[:HAS_TASK]->(t:Task) WHERE t.start IS NOT NULL
                RETURN t.start AS start, t.end AS end, coalesce(t.source, t.text) AS text""", Map.of("key", GANSU_KEY));
        assertThat(spans).hasSize(23);
        for (Map<String, Object> span : spans) {
            assertThat(catalog.passage(GANSU_KEY, ((Number) span.get("start")).intValue(), ((Number) span.get("end")).intValue()))
                    .hasValue((String) span.get("text"));
        }
        // Reading a document's properties does not read its text.
        assertThat(count("MATCH (d:Document {key: '" + GANSU_KEY + "'}) WHERE d.text IS NOT NULL RETURN count(d)")).isZero();
    }

    @Test
    void shouldReplaceADocumentOnlyWhenItsExtractionChanged() {
        ingest("baiyin.txt", bytes(SampleDocuments.BAIYIN), DocumentIngester.Mode.SKIP_LOADED);
        String text = SampleDocuments.text(SampleDocuments.BAIYIN);
        // The same notice with its last task cut off: same key, another extraction.
        String shorter = text.substring(0, text.lastIndexOf('\n', text.indexOf("二十六")) + 1);

        assertThat(ingest("baiyin-short.txt", shorter.getBytes(StandardCharsets.UTF_8), DocumentIngester.Mode.SKIP_LOADED)
                .status()).isEqualTo(DocumentIngester.Status.DUPLICATE);
        DocumentIngester.Outcome replaced = ingest("baiyin-short.txt", shorter.getBytes(StandardCharsets.UTF_8),
                DocumentIngester.Mode.REPLACE);
        assertThat(replaced.status()).isEqualTo(DocumentIngester.Status.LOADED);
        assertThat(replaced.documentKey()).isEqualTo(BAIYIN_KEY);
        assertThat(catalog.find(BAIYIN_KEY).orElseThrow().tasks()).isEqualTo(25);

        Map<String, Long> before = counts();
        assertThat(ingest("baiyin-short.txt", shorter.getBytes(StandardCharsets.UTF_8), DocumentIngester.Mode.REPLACE)
                .status()).isEqualTo(DocumentIngester.Status.UNCHANGED);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void shouldReextractFromTheStoredOriginalsAndLeaveUnchangedDocumentsAlone() {
        ingest("gansu.txt", bytes(SampleDocuments.GANSU), DocumentIngester.Mode.SKIP_LOADED);
        ingest("baiyin.txt", bytes(SampleDocuments.BAIYIN), DocumentIngester.Mode.SKIP_LOADED);
        Map<String, Long> before = counts();

        // Already at this version: a resumed run has nothing left to do.
        assertThat(corpus.reextract(List.of(), false, batch -> {})).isEmpty();
        List<DocumentIngester.Outcome> forced = corpus.reextract(List.of(), true, batch -> {});
        assertThat(forced).extracting(DocumentIngester.Outcome::status)
                .containsOnly(DocumentIngester.Status.UNCHANGED).hasSize(2);
        assertThat(counts()).isEqualTo(before);

        // A document loaded by an older extractor (here: a wrong task count) is replaced from its original.
        runWrite("MATCH (d:Document {key: $key}) SET d.extractorVersion = 'older', d.extractionHash = 'older'",
                Map.of("key", BAIYIN_KEY));
        List<DocumentIngester.Outcome> resumed = corpus.reextract(List.of(), false, batch -> {});
        assertThat(resumed).extracting(DocumentIngester.Outcome::documentKey).containsExactly(BAIYIN_KEY);
        assertThat(resumed.get(0).status()).isEqualTo(DocumentIngester.Status.LOADED);
        assertThat(catalog.find(BAIYIN_KEY).orElseThrow().extractorVersion()).isEqualTo(ExtractorVersion.CURRENT);
        assertThat(corpus.reextract(List.of("国办发〔1999〕1号"), false, batch -> {}))
                .extracting(DocumentIngester.Outcome::ok).containsExactly(false);
    }

    @Test
    void shouldDeleteADocumentAndWhatOnlyItUsed() {
        ingest("gansu.txt", bytes(SampleDocuments.GANSU), DocumentIngester.Mode.SKIP_LOADED);
        Map<String, Long> gansuAlone = counts();
        ingest("baiyin.txt", bytes(SampleDocuments.BAIYIN), DocumentIngester.Mode.SKIP_LOADED);
        String baiyinOriginal = catalog.find(BAIYIN_KEY).orElseThrow().contentHash();

        DocumentCatalog.Deletion deletion = corpus.delete(BAIYIN_KEY);

        assertThat(deletion.found()).isTrue();
        assertThat(deletion.keptAsStub()).isFalse();
        assertThat(catalog.find(BAIYIN_KEY)).isEmpty();
        assertThat(originals.get(baiyinOriginal)).isEmpty();
        // What remains is what Gansu alone had: the city's departments, institutions and links are gone.
        assertThat(withoutLinks(counts())).isEqualTo(withoutLinks(gansuAlone));
        assertThat(corpus.delete(BAIYIN_KEY).found()).isFalse();
    }

    @Test
    void shouldKeepADeletedDocumentThatOthersCiteAsAStub() {
        ingest("gansu.txt", bytes(SampleDocuments.GANSU), DocumentIngester.Mode.SKIP_LOADED);
        Extraction citing = new Extraction(GraphLoaderTest.document("引用文件", "测试〔2023〕9号", null), List.of(),
                List.of(GraphLoaderTest.task(1, List.of("《甘肃省深化医药卫生体制改革2022年重点工作任务》（" + GANSU_KEY + "）"))));
        loader.load(citing);

        DocumentCatalog.Deletion deletion = corpus.delete(GANSU_KEY);

        assertThat(deletion.keptAsStub()).isTrue();
        assertThat(count("MATCH (d:Document {key: '" + GANSU_KEY + "', stub: true})<-[:CITES]-(:Task) RETURN count(d)"))
                .isEqualTo(1);
        assertThat(count("MATCH (d:Document {key: '" + GANSU_KEY + "'})-[:HAS_TASK|HAS_TEXT]->() RETURN count(d)")).isZero();
        // Loading it again fills the stub in.
        assertThat(ingest("gansu.txt", bytes(SampleDocuments.GANSU), DocumentIngester.Mode.SKIP_LOADED).status())
                .isEqualTo(DocumentIngester.Status.LOADED);
        assertThat(count("MATCH (d:Document {key: '" + GANSU_KEY + "', stub: false})<-[:CITES]-(:Task) RETURN count(d)"))
                .isEqualTo(1);
    }

    /** Gansu as a 2021 document (another key): superseded by the 2022 one as Baiyin 2022's provincial target. */
    private static byte[] gansu2021() {
        return SampleDocuments.text(SampleDocuments.GANSU).replace("2022", "2021").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] baiyin2022() {
        return SampleDocuments.inGansuYear(SampleDocuments.text(SampleDocuments.BAIYIN)).getBytes(StandardCharsets.UTF_8);
    }

    /** Gansu 2022 with other content under the same key. */
    private static byte[] gansu2022Revised() {
        return SampleDocuments.text(SampleDocuments.GANSU).replace("推进", "推动").getBytes(StandardCharsets.UTF_8);
    }

    /** Every IMPLEMENTS: lower task, higher task, rank and score. */
    private List<String> alignment() {
        return rows("""
                MATCH (l:Task)-[r:IMPLEMENTS]->(h:Task)
                RETURN l.key + ' -> ' + h.key + ' #' + r.rank + ' ' + toString(round(r.score, 9)) AS row ORDER BY row
                """, Map.of()).stream().map(r -> (String) r.get("row")).toList();
    }

    private void loadThree() {
        ingest("gansu-2021.txt", gansu2021(), DocumentIngester.Mode.SKIP_LOADED);
        ingest("gansu.txt", bytes(SampleDocuments.GANSU), DocumentIngester.Mode.SKIP_LOADED);
        ingest("baiyin-2022.txt", baiyin2022(), DocumentIngester.Mode.SKIP_LOADED);
    }

    @Test
    void deletingADocumentGivesTheGraphOfLoadingTheOthers() {
        ingest("gansu-2021.txt", gansu2021(), DocumentIngester.Mode.SKIP_LOADED);
        ingest("baiyin-2022.txt", baiyin2022(), DocumentIngester.Mode.SKIP_LOADED);
        Map<String, Long> othersCounts = counts();
        List<String> othersAlignment = alignment();
        assertThat(othersAlignment).isNotEmpty().allMatch(row -> row.contains("甘政办发〔2021〕84号"));

        clearDocuments();
        loadThree();
        assertThat(alignment()).isNotEmpty().allMatch(row -> row.contains("甘政办发〔2022〕84号"));
        // Baiyin 2022 implemented Gansu 2022; with it gone, it implements the 2021 one it superseded.
        assertThat(corpus.delete(GANSU_KEY).found()).isTrue();

        assertThat(counts()).isEqualTo(othersCounts);
        assertThat(alignment()).isEqualTo(othersAlignment);
    }

    @Test
    void replacingADocumentGivesTheGraphOfDeletingItAndLoadingTheNewOne() {
        loadThree();
        assertThat(corpus.delete(GANSU_KEY).found()).isTrue();
        ingest("gansu-revised.txt", gansu2022Revised(), DocumentIngester.Mode.SKIP_LOADED);
        Map<String, Long> deletedThenLoaded = counts();
        List<String> deletedThenLoadedAlignment = alignment();
        assertThat(deletedThenLoadedAlignment).isNotEmpty().allMatch(row -> row.contains("甘政办发〔2022〕84号"));

        clearDocuments();
        loadThree();
        assertThat(ingest("gansu-revised.txt", gansu2022Revised(), DocumentIngester.Mode.REPLACE).status())
                .isEqualTo(DocumentIngester.Status.LOADED);

        assertThat(counts()).isEqualTo(deletedThenLoaded);
        assertThat(alignment()).isEqualTo(deletedThenLoadedAlignment);
    }

    @Test
    void replacingADocumentWithOneOfALaterYearGivesItsImplementersBackTheirEarlierTarget() {
        // Same number (甘政办发〔2022〕84号), but a 2023 programme: no longer a target of Baiyin 2022.
        byte[] gansuOf2023 = SampleDocuments.text(SampleDocuments.GANSU).replace("2022年", "2023年")
                .getBytes(StandardCharsets.UTF_8);
        // The implementer last, so that its scores are taken over the same three documents as after the replace.
        ingest("gansu-2021.txt", gansu2021(), DocumentIngester.Mode.SKIP_LOADED);
        ingest("gansu-2023.txt", gansuOf2023, DocumentIngester.Mode.SKIP_LOADED);
        ingest("baiyin-2022.txt", baiyin2022(), DocumentIngester.Mode.SKIP_LOADED);
        assertThat(count("MATCH (d:Document {key: '" + GANSU_KEY + "'}) WHERE d.year = 2023 RETURN count(d)")).isEqualTo(1);
        Map<String, Long> expectedCounts = counts();
        List<String> expected = alignment();
        assertThat(expected).isNotEmpty().allMatch(row -> row.contains("甘政办发〔2021〕84号"));

        clearDocuments();
        loadThree();
        assertThat(ingest("gansu-2023.txt", gansuOf2023, DocumentIngester.Mode.REPLACE).status())
                .isEqualTo(DocumentIngester.Status.LOADED);

        assertThat(counts()).isEqualTo(expectedCounts);
        assertThat(alignment()).isEqualTo(expected);
    }

    /** Counts without what linking adds (themes and alignment are recomputed, not owned). */
    private static Map<String, Long> withoutLinks(Map<String, Long> counts) {
        Map<String, Long> kept = new java.util.TreeMap<>(counts);
        kept.keySet().removeIf(k -> k.equals("relationships") || k.equals("rel:HAS_THEME") || k.equals("rel:IMPLEMENTS")
                || k.equals("Theme"));
        return kept;
    }

    private List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        try (var session = sessions.session()) {
            return session.run(cypher, parameters).list(r -> r.asMap());
        }
    }

    private void runWrite(String cypher, Map<String, Object> parameters) {
        try (var session = sessions.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher, parameters).consume());
        }
    }
}
