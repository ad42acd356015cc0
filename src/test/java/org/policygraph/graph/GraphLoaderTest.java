package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.policygraph.extract.Extraction;

public class GraphLoaderTest extends EmbeddedGraphTestSupport {

    @BeforeEach
    void emptyGraph() {
        clearDocuments();
    }

    @Test
    void shouldLoadTheGoldDocumentsAsDocumentsSectionsAndTasks() {
        GraphLoader.Loaded gansu = loader.load(gold(GANSU));
        GraphLoader.Loaded baiyin = loader.load(gold(BAIYIN));

        assertThat(gansu).isEqualTo(new GraphLoader.Loaded("甘政办发〔2022〕84号", 5, 23));
        assertThat(baiyin).isEqualTo(new GraphLoader.Loaded("市政办发〔2021〕100号", 5, 26));
        assertThat(count("MATCH (t:Task) RETURN count(t)")).isEqualTo(49);
        assertThat(count("MATCH (:Document {key: '甘政办发〔2022〕84号'})-[:HAS_TASK]->(t:Task) RETURN count(t)"))
                .isEqualTo(23);
        assertThat(count("MATCH (:Document {key: '市政办发〔2021〕100号'})-[:HAS_TASK]->(t:Task) RETURN count(t)"))
                .isEqualTo(26);
        assertThat(count("MATCH (d:Document {stub: false}) RETURN count(d)")).isEqualTo(2);
        assertThat(count("MATCH (d:Document {stub: false})-[:HAS_SECTION]->(s:Section)-[:HAS_TASK]->(t:Task)"
                + "<-[:HAS_TASK]-(d) RETURN count(t)")).isEqualTo(49);

        try (Session session = sessions.session()) {
            Record doc = session.run("""
                    MATCH (d:Document {key: '市政办发〔2021〕100号'})-[:ISSUED_IN]->(r:Region)
                    RETURN d.docNumber AS number, d.title AS title, d.issuer AS issuer, d.issueDate AS date,
                           d.year AS year, d.level AS level, d.regionCode AS regionCode, d.stub AS stub, r.name AS region
                    """).single();
            assertThat(doc.get("number").asString()).isEqualTo("市政办发〔2021〕100号");
            assertThat(doc.get("title").asString()).isEqualTo("白银市深化医药卫生体制改革2021年重点工作任务");
            assertThat(doc.get("issuer").asString()).isEqualTo("白银市人民政府办公室");
            assertThat(doc.get("date").asString()).isEqualTo("2021-10-15");
            assertThat(doc.get("year").asInt()).isEqualTo(2021);
            assertThat(doc.get("level").asString()).isEqualTo("CITY");
            assertThat(doc.get("regionCode").asString()).isEqualTo("620400");
            assertThat(doc.get("stub").asBoolean()).isFalse();
            assertThat(doc.get("region").asString()).isEqualTo("白银市");

            Record task = session.run("""
                    MATCH (s:Section)-[:HAS_TASK]->(t:Task {key: '市政办发〔2021〕100号#2'})
                    RETURN t.ordinal AS ordinal, t.label AS label, t.title AS title, t.docKey AS docKey,
                           t.year AS year, t.docLevel AS docLevel, t.truncated AS truncated, s.key AS section
                    """).single();
            assertThat(task.get("ordinal").asInt()).isEqualTo(2);
            assertThat(task.get("label").asString()).isEqualTo("（二）");
            assertThat(task.get("title").asString()).isEqualTo("健全“三医联动”机制");
            assertThat(task.get("docKey").asString()).isEqualTo("市政办发〔2021〕100号");
            assertThat(task.get("year").asInt()).isEqualTo(2021);
            assertThat(task.get("docLevel").asString()).isEqualTo("CITY");
            assertThat(task.get("truncated").asBoolean()).isFalse();
            assertThat(task.get("section").asString()).isEqualTo("市政办发〔2021〕100号#s1");

            List<Record> assigned = session.run("""
                    MATCH (:Task {key: '市政办发〔2021〕100号#2'})-[a:ASSIGNED_TO]->(d:Department)-[:OF_REGION]->(r:Region)
                    RETURN d.key AS key, d.name AS name, d.level AS level, d.regionCode AS regionCode,
                           a.role AS role, a.position AS position, a.docKey AS docKey, r.code AS region
                    ORDER BY a.position
                    """).list();
            assertThat(assigned).hasSize(6);
            assertThat(assigned.get(0).get("key").asString()).isEqualTo("620400|市卫生健康委");
            assertThat(assigned.get(0).get("role").asString()).isEqualTo("LEAD");
            assertThat(assigned.get(0).get("position").asInt()).isEqualTo(1);
            assertThat(assigned.get(0).get("level").asString()).isEqualTo("CITY");
            assertThat(assigned.get(0).get("region").asString()).isEqualTo("620400");
            assertThat(assigned.get(0).get("docKey").asString()).isEqualTo("市政办发〔2021〕100号");
            assertThat(assigned.get(1).get("name").asString()).isEqualTo("市医保局");
            assertThat(assigned.get(1).get("role").asString()).isEqualTo("PARTNER");
        }
        // Departments are shared across the tasks of a region, not per task.
        assertThat(count("MATCH (d:Department {key: '620400|市卫生健康委'}) RETURN count(d)")).isEqualTo(1);
        assertThat(count("MATCH (:Department {key: '620400|市卫生健康委'})<-[:ASSIGNED_TO]-(t:Task) RETURN count(t)"))
                .isGreaterThan(5);
    }

    @Test
    void shouldLinkPilotsToProgrammesSitesAndInstitutions() {
        loader.load(gold(GANSU));
        loader.load(gold(BAIYIN));
        try (Session session = sessions.session()) {
            List<String> sites = session.run("""
                    MATCH (:Task {key: '甘政办发〔2022〕84号#4'})-[:DESIGNATES]->(p:Pilot {key: '甘政办发〔2022〕84号#4#p1'})
                          -[:OF_PROGRAMME]->(:Programme {name: 'DRG/DIP付费支付方式改革试点城市'})
                    MATCH (p)-[:AT_SITE]->(r:Region)
                    RETURN r.name AS name ORDER BY r.code
                    """).list(r -> r.get("name").asString());
            assertThat(sites).containsExactly("金昌市", "天水市", "武威市", "庆阳市", "定西市", "陇南市");

            Record pilot = session.run("""
                    MATCH (p:Pilot {key: '市政办发〔2021〕100号#16#p1'})
                    RETURN p.programme AS programme, p.level AS level, p.levelBasis AS basis, p.declaredCount AS n
                    """).single();
            assertThat(pilot.get("programme").asString()).isEqualTo("公立医院薪酬制度改革试点");
            assertThat(pilot.get("level").asString()).isEqualTo("CITY");
            assertThat(pilot.get("basis").asString()).isEqualTo("ISSUER");
            assertThat(pilot.get("n").asInt()).isEqualTo(4);

            List<Record> institutions = session.run("""
                    MATCH (:Pilot {key: '市政办发〔2021〕100号#16#p1'})-[:AT_SITE]->(i:Institution)-[:LOCATED_IN]->(r:Region)
                    RETURN i.key AS key, i.name AS name, i.regionCode AS regionCode, r.name AS region ORDER BY i.key
                    """).list();
            assertThat(institutions).extracting(r -> r.get("key").asString()).containsExactly(
                    "620400|市中西医结合医院", "620400|市第一人民医院", "620400|市第二人民医院", "620422|会宁县人民医院");
            assertThat(institutions.get(3).get("region").asString()).isEqualTo("会宁县");
        }
        // The same hospital designated by two pilots (tasks 14 and 16) is one Institution.
        assertThat(count("MATCH (i:Institution {key: '620400|市第一人民医院'})<-[:AT_SITE]-(p:Pilot) RETURN count(p)"))
                .isEqualTo(2);
        assertThat(count("MATCH (:Programme) RETURN count(*)")).isEqualTo(10);
        assertThat(count("MATCH (p:Pilot) RETURN count(p)")).isEqualTo(10);
    }

    @Test
    void shouldStoreTaskAndDocumentIndicators() {
        Extraction gansu = gold(GANSU);
        Extraction.Indicator documentLevel = new Extraction.Indicator("全省…达到90%", 90, "%", ">=", "2022年底",
                "文件级指标", new Extraction.Span(10, 20));
        Extraction.Document d = gansu.document();
        Extraction withDocumentIndicator = new Extraction(new Extraction.Document(d.title(), d.docNumber(),
                d.issuer(), d.issueDate(), d.level(), d.region(), d.year(), List.of(documentLevel), d.sourceName(),
                d.contentHash(), d.format(), d.charset(), d.warnings()), gansu.sections(), gansu.tasks());
        loader.load(withDocumentIndicator);
        try (Session session = sessions.session()) {
            Record indicator = session.run("""
                    MATCH (:Task {key: '甘政办发〔2022〕84号#4'})-[:SETS]->(i:Indicator {key: '甘政办发〔2022〕84号#4#i1'})
                    RETURN i.text AS text, i.value AS value, i.unit AS unit, i.comparator AS comparator,
                           i.deadline AS deadline, i.subject AS subject
                    """).single();
            assertThat(indicator.get("text").asString()).isEqualTo("40%以上");
            assertThat(indicator.get("value").asDouble()).isEqualTo(40.0);
            assertThat(indicator.get("unit").asString()).isEqualTo("%");
            assertThat(indicator.get("comparator").asString()).isEqualTo(">=");
            assertThat(indicator.get("deadline").asString()).isEqualTo("年底前");
            assertThat(indicator.get("subject").asString()).isEqualTo("全省开展DRG或DIP付费的统筹地区占比");

            Record doc = session.run("""
                    MATCH (:Document {key: '甘政办发〔2022〕84号'})-[:SETS]->(i:Indicator)
                    RETURN i.key AS key, i.start AS start, i.end AS end
                    """).single();
            assertThat(doc.get("key").asString()).isEqualTo("甘政办发〔2022〕84号#i1");
            assertThat(doc.get("start").asInt()).isEqualTo(10);
            assertThat(doc.get("end").asInt()).isEqualTo(20);
        }
        assertThat(count("MATCH (:Task)-[:SETS]->(i:Indicator) RETURN count(i)")).isEqualTo(21);
    }

    @Test
    void shouldCiteDocumentsAsStubsAndFillStubsInOnLoad() {
        Extraction.Task citing = task(1, List.of("《甘肃省深化医药卫生体制改革2022年重点工作任务》（甘政办发〔2022〕84号）",
                "《白银市深化医药卫生体制改革2021年重点工作任务》", "《国家基本药物目录》"));
        loader.load(new Extraction(document("测试文件", "测试〔2023〕1号", null), List.of(), List.of(citing)));

        try (Session session = sessions.session()) {
            List<Record> stubs = session.run("""
                    MATCH (:Task {key: '测试〔2023〕1号#1'})-[c:CITES]->(d:Document)
                    RETURN d.key AS key, d.stub AS stub, d.docNumber AS number, d.title AS title, c.docKey AS docKey
                    ORDER BY key
                    """).list();
            assertThat(stubs).extracting(r -> r.get("key").asString()).containsExactly(
                    "title:国家基本药物目录", "title:白银市深化医药卫生体制改革2021年重点工作任务", "甘政办发〔2022〕84号");
            assertThat(stubs).allSatisfy(r -> assertThat(r.get("stub").asBoolean()).isTrue());
            assertThat(stubs.get(2).get("number").asString()).isEqualTo("甘政办发〔2022〕84号");
            assertThat(stubs.get(0).get("title").asString()).isEqualTo("国家基本药物目录");
            assertThat(stubs.get(0).get("docKey").asString()).isEqualTo("测试〔2023〕1号");
        }

        loader.load(gold(GANSU));
        loader.load(gold(BAIYIN));

        // The stub by number is filled in; the stub by title is replaced by the real document.
        assertThat(count("MATCH (d:Document {key: '甘政办发〔2022〕84号'}) WHERE d.stub = false AND d.issuer IS NOT NULL"
                + " RETURN count(d)")).isEqualTo(1);
        assertThat(count("MATCH (d:Document {key: 'title:白银市深化医药卫生体制改革2021年重点工作任务'}) RETURN count(d)"))
                .isZero();
        assertThat(count("MATCH (:Task {key: '测试〔2023〕1号#1'})-[:CITES]->(d:Document {stub: false}) RETURN count(d)"))
                .isEqualTo(2);
        // The Baiyin task 10 cites the same 《国家基本药物目录》 stub.
        assertThat(count("MATCH (d:Document {key: 'title:国家基本药物目录'})<-[:CITES]-(t:Task) RETURN count(t)"))
                .isEqualTo(2);

        // A later citation by title finds the loaded document rather than making a stub.
        loader.load(new Extraction(document("另一测试文件", "测试〔2023〕2号", null), List.of(),
                List.of(task(1, List.of("《白银市深化医药卫生体制改革2021年重点工作任务》")))));
        assertThat(count("MATCH (:Task {key: '测试〔2023〕2号#1'})-[:CITES]->(d:Document {key: '市政办发〔2021〕100号'})"
                + " RETURN count(d)")).isEqualTo(1);
    }

    @Test
    void shouldKeyADocumentWithoutNumberByItsContentHashAndStoreSpans() {
        Extraction.Task task = new Extraction.Task(1, "（一）", 1, "推进改革", "在会宁县推进改革试点。",
                new Extraction.Span(100, 111),
                List.of(new Extraction.DepartmentRole("省卫生健康委", Extraction.Role.LEAD, new Extraction.Span(112, 118))),
                List.of(new Extraction.RegionRef("会宁县", "620422"), new Extraction.RegionRef("某新区", null)),
                List.of(), List.of(), List.of(), true, null);
        Extraction extraction = new Extraction(document("无文号文件", null, "abc123"),
                List.of(new Extraction.Section(1, "一", "总体要求", new Extraction.Span(90, 99))), List.of(task));
        assertThat(loader.load(extraction).documentKey()).isEqualTo("sha256:abc123");
        try (Session session = sessions.session()) {
            Record r = session.run("""
                    MATCH (d:Document {key: 'sha256:abc123'})-[:HAS_SECTION]->(s:Section)-[:HAS_TASK]->(t:Task)
                    MATCH (t)-[m:MENTIONS]->(region:Region)
                    MATCH (t)-[a:ASSIGNED_TO]->(dep:Department)
                    RETURN d.contentHash AS hash, s.key AS section, s.start AS sectionStart, t.start AS start, t.end AS end,
                           t.text AS text, t.truncated AS truncated, region.code AS region, m.start AS mentionStart,
                           m.end AS mentionEnd, m.docKey AS docKey, a.start AS deptStart, a.end AS deptEnd, dep.key AS dep
                    """).single();
            assertThat(r.get("hash").asString()).isEqualTo("abc123");
            assertThat(r.get("section").asString()).isEqualTo("sha256:abc123#s1");
            assertThat(r.get("sectionStart").asInt()).isEqualTo(90);
            assertThat(r.get("start").asInt()).isEqualTo(100);
            assertThat(r.get("end").asInt()).isEqualTo(111);
            assertThat(r.get("truncated").asBoolean()).isTrue();
            assertThat(r.get("region").asString()).isEqualTo("620422");
            assertThat(r.get("mentionStart").asInt()).isEqualTo(101);
            assertThat(r.get("mentionEnd").asInt()).isEqualTo(104);
            assertThat(r.get("docKey").asString()).isEqualTo("sha256:abc123");
            assertThat(r.get("deptStart").asInt()).isEqualTo(112);
            assertThat(r.get("deptEnd").asInt()).isEqualTo(118);
            assertThat(r.get("dep").asString()).isEqualTo("620000|省卫生健康委");
        }
        // The region without a code is skipped.
        assertThat(count("MATCH (:Task)-[m:MENTIONS]->() RETURN count(m)")).isEqualTo(1);
    }

    @Test
    void shouldKeepCountsWhenReloadingTheSamples() {
        loader.load(gold(GANSU));
        loader.load(gold(BAIYIN));
        Map<String, Long> first = counts();
        for (int round = 0; round < 2; round++) {
            loader.load(gold(BAIYIN));
            loader.load(gold(GANSU));
            assertThat(counts()).isEqualTo(first);
        }
        assertThat(first.get("Task")).isEqualTo(49);
        assertThat(first.get("rel:CITES")).isPositive();
    }

    @Test
    void shouldLeaveNothingBehindWhenALoadFails() {
        loader.load(gold(BAIYIN));
        Map<String, Long> before = counts();
        // Two tasks with the same ordinal share a key: the Task statement breaks the uniqueness constraint
        // after the Document and its Sections were written in the same transaction.
        Extraction broken = new Extraction(document("坏文件", "坏〔2024〕9号", null),
                List.of(new Extraction.Section(1, "一", "总则", null)),
                List.of(task(1, List.of("《某文件》")), task(1, List.of())));
        assertThatThrownBy(() -> loader.load(broken)).hasMessageContaining("already exists")
                .satisfies(e -> assertThat(GraphSessions.statusCode(e)).isEqualTo(CONSTRAINT_VIOLATED));

        assertThat(count("MATCH (d:Document {key: '坏〔2024〕9号'}) RETURN count(d)")).isZero();
        assertThat(count("MATCH (t:Task) WHERE t.docKey = '坏〔2024〕9号' RETURN count(t)")).isZero();
        assertThat(count("MATCH (s:Section) WHERE s.key STARTS WITH '坏' RETURN count(s)")).isZero();
        assertThat(count("MATCH (d:Document {key: 'title:某文件'}) RETURN count(d)")).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void shouldKeepTheOldVersionWhenAReloadFails() {
        loader.load(gold(BAIYIN));
        Map<String, Long> before = counts();
        Extraction gold = gold(BAIYIN);
        List<Extraction.Task> tasks = new ArrayList<>(gold.tasks());
        tasks.add(tasks.get(0));
        assertThatThrownBy(() -> loader.load(new Extraction(gold.document(), gold.sections(), tasks)))
                .satisfies(e -> assertThat(GraphSessions.statusCode(e)).isEqualTo(CONSTRAINT_VIOLATED));
        assertThat(counts()).isEqualTo(before);
    }

    public static Extraction.Document document(String title, String docNumber, String contentHash) {
        return new Extraction.Document(title, docNumber, "甘肃省人民政府办公厅", "2023-01-02", Extraction.Level.PROVINCE,
                new Extraction.RegionRef("甘肃省", "620000"), 2023, List.of(), title + ".txt", contentHash, "TEXT", "UTF-8",
                List.of());
    }

    public static Extraction.Task task(int ordinal, List<String> citations) {
        return new Extraction.Task(ordinal, "（" + ordinal + "）", 1, "任务" + ordinal, "任务正文", null,
                List.of(new Extraction.DepartmentRole("省卫生健康委", Extraction.Role.LEAD, null)), List.of(), List.of(),
                List.of(), citations, false, null);
    }
}
