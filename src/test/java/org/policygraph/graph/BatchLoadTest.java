package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.graph.GraphLoaderTest.document;
import static org.policygraph.graph.GraphLoaderTest.task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.policygraph.extract.Extraction;
import org.policygraph.upload.SampleDocuments;

/** {@link GraphLoader#loadBatch}: many documents in one transaction, on the real embedded Neo4j. */
class BatchLoadTest extends EmbeddedGraphTestSupport {

    @BeforeEach
    void emptyGraph() {
        clearDocuments();
    }

    /**
     * Documents that refer to each other: the first cites the Gansu and Baiyin notices (by number and
     * by title) before they are loaded, later in the same batch; the last cites a document nobody loads.
     */
    static List<Extraction> related() {
        Extraction citing = new Extraction(document("测试文件", "测试〔2023〕1号", null), List.of(), List.of(
                task(1, List.of("《甘肃省深化医药卫生体制改革2022年重点工作任务》（甘政办发〔2022〕84号）",
                        "《白银市深化医药卫生体制改革2021年重点工作任务》", "《国家基本药物目录》"))));
        Extraction later = new Extraction(document("另一测试文件", "测试〔2023〕2号", null), List.of(),
                List.of(task(1, List.of("《白银市深化医药卫生体制改革2021年重点工作任务》", "《某未载入文件》"))));
        return List.of(citing, gold(GANSU), gold(BAIYIN), later);
    }

    /** Two tasks with the same ordinal share a key: the Task statement breaks the uniqueness constraint. */
    static Extraction broken() {
        return new Extraction(document("坏文件", "坏〔2024〕9号", null),
                List.of(new Extraction.Section(1, "一", "总则", null)),
                List.of(task(1, List.of("《某文件》")), task(1, List.of())));
    }

    @Test
    void shouldGiveTheGraphThatLoadingOneByOneGives() {
        for (Extraction extraction : related()) {
            loader.load(extraction);
        }
        Map<String, Long> oneByOne = counts();
        List<String> oneByOneGraph = graph();
        clearDocuments();

        List<GraphLoader.BatchItem> items = loader.loadBatch(related());

        assertThat(items).allMatch(GraphLoader.BatchItem::ok);
        assertThat(items).extracting(i -> i.loaded().documentKey())
                .containsExactly("测试〔2023〕1号", "甘政办发〔2022〕84号", "市政办发〔2021〕100号", "测试〔2023〕2号");
        assertThat(items).extracting(i -> i.loaded().tasks()).containsExactly(1, 23, 26, 1);
        assertThat(counts()).isEqualTo(oneByOne);
        assertThat(graph()).isEqualTo(oneByOneGraph);
        // The citations by title found the documents of the same batch; only the unloaded ones are stubs.
        assertThat(count("MATCH (d:Document {stub: true}) WHERE d.key IN ['title:白银市深化医药卫生体制改革2021年重点工作任务',"
                + " '甘政办发〔2022〕84号', '市政办发〔2021〕100号'] RETURN count(d)")).isZero();
        assertThat(count("MATCH (d:Document {key: 'title:某未载入文件', stub: true})<-[:CITES]-() RETURN count(d)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Task {key: '测试〔2023〕1号#1'})-[:CITES]->(d:Document {stub: false}) RETURN count(d)"))
                .isEqualTo(2);
    }

    @Test
    void shouldLoadTheOthersAndLeaveNothingOfABadDocument() {
        List<Extraction> batch = new ArrayList<>(related());
        batch.add(2, broken());

        List<GraphLoader.BatchItem> items = loader.loadBatch(batch);

        assertThat(items).extracting(GraphLoader.BatchItem::ok).containsExactly(true, true, false, true, true);
        assertThat(items.get(2).failure()).hasMessageContaining("already exists");
        assertThat(GraphSessions.statusCode(items.get(2).failure())).isEqualTo(CONSTRAINT_VIOLATED);
        assertThat(count("MATCH (d:Document {key: '坏〔2024〕9号'}) RETURN count(d)")).isZero();
        assertThat(count("MATCH (t:Task) WHERE t.docKey = '坏〔2024〕9号' RETURN count(t)")).isZero();
        assertThat(count("MATCH (s:Section) WHERE s.key STARTS WITH '坏' RETURN count(s)")).isZero();
        assertThat(count("MATCH (d:Document {key: 'title:某文件'}) RETURN count(d)")).isZero();
        Map<String, Long> withBad = counts();
        List<String> withBadGraph = graph();

        clearDocuments();
        loader.loadBatch(related());
        assertThat(counts()).isEqualTo(withBad);
        assertThat(graph()).isEqualTo(withBadGraph);
    }

    @Test
    void shouldChangeNothingWhenTheSameBatchIsLoadedAgain() {
        loader.loadBatch(related());
        Map<String, Long> first = counts();
        List<String> firstGraph = graph();
        for (int round = 0; round < 2; round++) {
            List<GraphLoader.BatchItem> items = loader.loadBatch(related());
            assertThat(items).allMatch(GraphLoader.BatchItem::ok);
            assertThat(counts()).isEqualTo(first);
            assertThat(graph()).isEqualTo(firstGraph);
        }
        assertThat(first.get("Task")).isEqualTo(51);
    }

    @Test
    void shouldLetTheLaterOfTwoDocumentsWithTheSameKeyWin() {
        Extraction baiyin = gold(BAIYIN);
        List<Extraction.Task> fewer = baiyin.tasks().subList(0, 10);
        Extraction shorter = new Extraction(baiyin.document(), baiyin.sections(), fewer);

        List<GraphLoader.BatchItem> items = loader.loadBatch(List.of(gold(GANSU), shorter, baiyin));
        assertThat(items).allMatch(GraphLoader.BatchItem::ok);
        assertThat(count("MATCH (:Document {key: '市政办发〔2021〕100号'})-[:HAS_TASK]->(t) RETURN count(t)")).isEqualTo(26);

        loader.loadBatch(List.of(baiyin, shorter));
        assertThat(count("MATCH (:Document {key: '市政办发〔2021〕100号'})-[:HAS_TASK]->(t) RETURN count(t)")).isEqualTo(10);
        assertThat(count("MATCH (t:Task) RETURN count(t)")).isEqualTo(33);
    }

    /**
     * Every relationship the loader writes (not the regions' own, not the linkers'), as start, type,
     * end and the properties of all three, sorted.
     */
    private List<String> graph() {
        try (Session session = sessions.session()) {
            return session.run("""
                    MATCH (a)-[r]->(b) WHERE NOT (a:Region AND b:Region) AND NOT type(r) IN ['IMPLEMENTS', 'HAS_THEME']
                    RETURN coalesce(a.key, a.code, a.name) + ' ' + type(r) + ' ' + coalesce(b.key, b.code, b.name) AS edge,
                           properties(r) AS r, properties(a) AS a, properties(b) AS b
                    """).list(r -> r.get("edge").asString() + " " + new TreeMap<>(r.get("r").asMap()) + " "
                    + withoutTick(r.get("a").asMap()) + " " + withoutTick(r.get("b").asMap()))
                    .stream().sorted().toList();
        }
    }

    /** A node's properties without a document's {@code tick}, which says when it was written ({@link CorpusClock}). */
    private static TreeMap<String, Object> withoutTick(java.util.Map<String, Object> properties) {
        TreeMap<String, Object> kept = new TreeMap<>(properties);
        kept.remove("tick");
        return kept;
    }
}
