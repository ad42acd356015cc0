package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

class EmbeddedNeo4jConfigurationTest extends EmbeddedGraphTestSupport {

    @Autowired
    EmbeddedNeo4j embedded;

    @Autowired
    Driver driver;

    @Test
    void shouldAnswerOverBoltFromAPlainDriver() {
        assertThat(embedded.boltPort()).isPositive();
        assertThat(embedded.home()).isEqualTo(DATA_DIR.normalize());
        try (Driver plain = GraphDatabase.driver("bolt://127.0.0.1:" + embedded.boltPort(), AuthTokens.none(),
                Config.builder().withoutEncryption().build());
             Session session = plain.session()) {
            assertThat(session.run("RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
        }
    }

    @Test
    void shouldConnectTheApplicationDriverToTheEmbeddedDatabase() {
        embedded.database().executeTransactionally("MERGE (:Probe {id: 'embedded'})");
        try (Session session = driver.session()) {
            assertThat(session.run("MATCH (p:Probe {id: 'embedded'}) RETURN count(p) AS n").single().get("n").asLong())
                    .isEqualTo(1);
            session.run("MATCH (p:Probe) DELETE p").consume();
        }
    }

    @Test
    void shouldApplyTheSchema() {
        try (Session session = sessions.session()) {
            List<String> constraints = session.run("SHOW CONSTRAINTS YIELD name RETURN name")
                    .list(r -> r.get("name").asString());
            assertThat(constraints).contains("document_key", "section_key", "task_key", "department_key",
                    "region_code", "programme_name", "pilot_key", "institution_key", "indicator_key");
            List<Record> indexes = session.run(
                    "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options RETURN *").list();
            Map<String, Record> byName = new java.util.HashMap<>();
            indexes.forEach(r -> byName.put(r.get("name").asString(), r));
            assertThat(byName).doesNotContainKey("task_title");
            assertThat(byName).containsKeys("department_name", "department_function",
                    "document_year", "document_level", "taskText", "entityNames");
            Record taskText = byName.get("taskText");
            assertThat(taskText.get("type").asString()).isEqualTo("FULLTEXT");
            assertThat(taskText.get("properties").asList()).containsExactly("title", "text");
            assertThat(taskText.get("options").get("indexConfig").get("fulltext.analyzer").asString()).isEqualTo("cjk");
            assertThat(taskText.get("options").get("indexConfig").get("fulltext.eventually_consistent").asBoolean()).isTrue();
            Record names = byName.get("entityNames");
            assertThat(names.get("labelsOrTypes").asList())
                    .containsExactlyInAnyOrder("Document", "Department", "Region", "Programme", "Institution");
            assertThat(names.get("options").get("indexConfig").get("fulltext.analyzer").asString()).isEqualTo("cjk");
        }
    }

    @Test
    void shouldApplyTheSchemaAgainWithoutError() {
        GraphBootstrap bootstrap = new GraphBootstrap(sessions);
        bootstrap.applySchema();
        bootstrap.loadRegions();
        assertThat(count("MATCH (r:Region {code: '620422'}) RETURN count(r)")).isEqualTo(1);

        // A region that no longer reads as the table has it is written again, not taken as loaded.
        try (Session session = sessions.session()) {
            session.run("MATCH (r:Region {code: '620422'}) SET r.name = '改过的名字'").consume();
            session.run("MATCH (r:Region {code: '620422'})-[p:PART_OF]->() DELETE p").consume();
        }
        bootstrap.loadRegions();
        assertThat(count("MATCH (:Region {code: '620422', name: '会宁县'})-[:PART_OF]->(:Region {code: '620400'}) RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void shouldRegisterApocProcedures() {
        try (Session session = sessions.session()) {
            List<String> names = session.run("CALL apoc.help('coll') YIELD name RETURN name")
                    .list(r -> r.get("name").asString());
            assertThat(names).contains("apoc.coll.sum");
            assertThat(session.run("RETURN apoc.coll.sum([1, 2, 3]) AS s").single().get("s").asDouble()).isEqualTo(6.0);
            assertThat(session.run("RETURN apoc.text.join(['a', 'b'], '-') AS s").single().get("s").asString())
                    .isEqualTo("a-b");
        }
    }

    @Test
    void shouldLoadRegionsWithTheirHierarchy() {
        try (Session session = sessions.session()) {
            Record path = session.run("""
                    MATCH (c:Region {code: '620422'})-[:PART_OF]->(city:Region)-[:PART_OF]->(p:Region)
                    RETURN c.name AS county, c.level AS countyLevel, city.code AS cityCode, city.name AS city,
                           city.level AS cityLevel, p.code AS provinceCode, p.name AS province, p.level AS provinceLevel,
                           exists((p)-[:PART_OF]->()) AS provinceHasParent
                    """).single();
            assertThat(path.get("county").asString()).isEqualTo("会宁县");
            assertThat(path.get("countyLevel").asString()).isEqualTo("COUNTY");
            assertThat(path.get("cityCode").asString()).isEqualTo("620400");
            assertThat(path.get("city").asString()).isEqualTo("白银市");
            assertThat(path.get("cityLevel").asString()).isEqualTo("CITY");
            assertThat(path.get("provinceCode").asString()).isEqualTo("620000");
            assertThat(path.get("province").asString()).isEqualTo("甘肃省");
            assertThat(path.get("provinceLevel").asString()).isEqualTo("PROVINCE");
            assertThat(path.get("provinceHasParent").asBoolean()).isFalse();

            // Placeholder city rows (市辖区, 县, 省直辖县级行政区划) are not regions: counties hang on the province.
            assertThat(session.run("MATCH (:Region {code: '110101'})-[:PART_OF]->(p) RETURN p.code AS c")
                    .single().get("c").asString()).isEqualTo("110000");
            assertThat(session.run("MATCH (:Region {code: '500229'})-[:PART_OF]->(p) RETURN p.code AS c")
                    .single().get("c").asString()).isEqualTo("500000");
            assertThat(session.run("MATCH (:Region {code: '429004'})-[:PART_OF]->(p) RETURN p.code AS c")
                    .single().get("c").asString()).isEqualTo("420000");
            assertThat(session.run("MATCH (r:Region) WHERE r.name IN ['市辖区', '县'] RETURN count(r) AS n")
                    .single().get("n").asLong()).isZero();
            // Statistical-only zones carry their NBS code but are not official; county-level cities are.
            assertThat(session.run("MATCH (r:Region {code: '620171'}) RETURN r.name AS n, r.official AS o").single())
                    .satisfies(r -> {
                        assertThat(r.get("n").asString()).isEqualTo("兰州新区");
                        assertThat(r.get("o").asBoolean()).isFalse();
                    });
            assertThat(session.run("MATCH (r:Region {code: '620981'}) RETURN r.official AS o").single()
                    .get("o").asBoolean()).isTrue();
            assertThat(session.run("MATCH (r:Region {level: 'PROVINCE'}) RETURN count(r) AS n").single()
                    .get("n").asLong()).isEqualTo(31);
        }
    }
}
