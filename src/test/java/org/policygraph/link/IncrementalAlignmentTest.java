package org.policygraph.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policygraph.extract.Extraction;
import org.policygraph.graph.DocumentCatalog;
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
        List<TaskText> corpus = store.tasks(store.loadedDocuments().documents().stream().map(LinkStore.DocumentInfo::key).toList())
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

    /**
     * Deletes a document through the catalog, with no event the aligner could hear (as another instance
     * of the service on the same database would): the corpus clock tells the aligner's next read.
     */
    private void deleteBehindTheAligner(String documentKey) {
        assertThat(new DocumentCatalog(sessions).delete(documentKey).found()).isTrue();
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
        deleteBehindTheAligner(inGansuYear(SampleDocuments.key(SampleDocuments.BAIYIN, 503)));
        assertSameAsFromScratch(BAIYIN_2022, 10);

        // alignAll starts from scratch and writes the same alignments as the incremental path computes.
        List<TaskAligner.Alignment> incremental = aligner.alignments(inGansuYear(SampleDocuments.key(SampleDocuments.BAIYIN, 501)));
        aligner.alignAll();
        assertThat(aligner.alignments(inGansuYear(SampleDocuments.key(SampleDocuments.BAIYIN, 501)))).isEqualTo(incremental);
    }

    /**
     * A document loaded again with the same tasks (a re-extraction whose departments or targets changed)
     * keeps its terms in the index and is not segmented again; one whose task text changed is read again.
     */
    @Test
    void aDocumentLoadedAgainWithTheSameTaskTextsIsNotReadAgain() {
        assertSameAsFromScratch(BAIYIN_2022, 26);
        long changes = aligner.indexChanges();
        Extraction baiyin = extract(BAIYIN, baiyin2022());
        List<Extraction.Task> fewerDepartments = baiyin.tasks().stream().map(t -> new Extraction.Task(t.ordinal(),
                t.label(), t.section(), t.title(), t.text(), t.span(), List.of(), t.regions(), t.pilots(), t.indicators(),
                t.citations(), t.truncated(), t.source())).toList();
        loader.load(new Extraction(baiyin.document(), baiyin.sections(), fewerDepartments));
        linkStage.link(List.of(BAIYIN_2022));
        assertThat(aligner.indexChanges()).isEqualTo(changes);
        assertSameAsFromScratch(BAIYIN_2022, 26);

        List<Extraction.Task> oneTextChanged = new java.util.ArrayList<>(baiyin.tasks());
        Extraction.Task first = oneTextChanged.get(0);
        oneTextChanged.set(0, new Extraction.Task(first.ordinal(), first.label(), first.section(), first.title(),
                first.text() + "推进远程医疗服务全覆盖。", first.span(), first.departments(), first.regions(), first.pilots(),
                first.indicators(), first.citations(), first.truncated(), first.source()));
        loader.load(new Extraction(baiyin.document(), baiyin.sections(), oneTextChanged));
        linkStage.link(List.of(BAIYIN_2022));
        assertThat(aligner.indexChanges()).isGreaterThan(changes);
        assertSameAsFromScratch(BAIYIN_2022, 26);
    }

    /**
     * A county document (the lowest level) keeps no task vectors in the index, only its share of the
     * document frequencies; its tasks are read again when a document arrives above it. Its scores, and
     * everyone's, stay those of vectors built from scratch, and a deleted county document leaves the
     * statistics as it came.
     */
    @Test
    void aCountyDocumentKeepsOnlyItsTermCountsAndIsReadAgainWhenADocumentArrivesAboveIt() throws IOException {
        String county = load("county", Files.readString(Path.of("src/test/resources/composed/county-2022-wrapped.txt"),
                StandardCharsets.UTF_8));
        assertThat(store.documents(List.of(county))).singleElement()
                .satisfies(d -> assertThat(d.level()).isEqualTo(Extraction.Level.COUNTY.name()));
        int countyTasks = store.tasks(List.of(county)).size();
        assertSameAsFromScratch(county, countyTasks);
        assertThat(aligner.indexedDocuments()).isEqualTo(3);
        assertThat(aligner.indexedDocumentsKeepingTasks()).isEqualTo(2);

        // Another Baiyin document of 2022 becomes one more target of the county: the county's tasks are
        // read again and it gains IMPLEMENTS into the newcomer, scored as from scratch.
        String newcomer = load("b9", inGansuYear(SampleDocuments.renumbered(SampleDocuments.BAIYIN, 509)));
        List<Map<String, Object>> written;
        try (var session = sessions.session()) {
            written = session.run("""
                    MATCH (:Document {key: $county})-[:HAS_TASK]->(t:Task)-[i:IMPLEMENTS]->(h:Task)<-[:HAS_TASK]-(:Document {key: $newcomer})
                    RETURN t.key AS lower, h.key AS higher, i.score AS score ORDER BY lower, i.rank
                    """, Map.of("county", county, "newcomer", newcomer)).list(r -> r.asMap());
        }
        assertThat(written).isNotEmpty();
        List<String> newcomerTasks = store.tasks(List.of(newcomer)).stream().map(LinkStore.TaskRow::key).toList();
        List<TaskAligner.Alignment> expected = aligner.alignments(county).stream()
                .filter(a -> newcomerTasks.contains(a.higherTaskKey())).toList();
        assertThat(written).hasSize(expected.size());
        assertThat(written).extracting(r -> r.get("score"))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(a -> (Object) a.score()).toList());
        assertSameAsFromScratch(county, countyTasks);
        assertSameAsFromScratch(BAIYIN_2022, 26);

        // The newcomer is a copy of Baiyin 2022: at the city level the county's tasks now take up the best
        // of both documents' tasks, at most top (3) a task and level, and what was displaced is gone: at
        // that level the graph holds exactly what aligning the county from scratch gives (its provincial
        // IMPLEMENTS stay as written, scored with the statistics of their day).
        List<Map<String, Object>> inGraph;
        try (var session = sessions.session()) {
            inGraph = session.run("""
                    MATCH (:Document {key: $county})-[:HAS_TASK]->(t:Task)-[i:IMPLEMENTS]->(h:Task)<-[:HAS_TASK]-(d:Document)
                    RETURN t.key AS lower, h.key AS higher, i.rank AS rank, d.level AS level ORDER BY lower, level, rank
                    """, Map.of("county", county)).list(r -> r.asMap());
        }
        List<String> cityTasks = store.tasks(List.of(BAIYIN_2022, newcomer)).stream().map(LinkStore.TaskRow::key).toList();
        assertThat(inGraph).filteredOn(r -> Extraction.Level.CITY.name().equals(r.get("level")))
                .extracting(r -> r.get("lower") + " " + r.get("higher") + " " + r.get("rank"))
                .containsExactlyInAnyOrderElementsOf(aligner.alignments(county).stream()
                        .filter(a -> cityTasks.contains(a.higherTaskKey()))
                        .map(a -> a.lowerTaskKey() + " " + a.higherTaskKey() + " " + a.rank()).toList());
        Map<String, Long> perTaskAndLevel = inGraph.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.get("lower") + " " + r.get("level"), java.util.stream.Collectors.counting()));
        assertThat(perTaskAndLevel.values()).allMatch(n -> n <= 3);
        assertThat(inGraph).anyMatch(r -> String.valueOf(r.get("higher")).startsWith(BAIYIN_2022 + "#"));

        // The county removed behind the aligner's back: its term counts leave the statistics.
        deleteBehindTheAligner(county);
        assertSameAsFromScratch(BAIYIN_2022, 26);
        assertThat(aligner.indexedDocuments()).isEqualTo(3);
    }
}
