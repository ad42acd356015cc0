package org.policygraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Session;
import org.policygraph.graph.GraphSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/** POST /api/cypher over real HTTP against the sample graph. */
@ExtendWith(OutputCaptureExtension.class)
class CypherEndpointTests extends AnalystGraphTestSupport {

    @Autowired
    CypherRunner runner;

    @Autowired
    GraphSessions sessions;

    @Test
    void shouldReturnRowsAndTheGraphOfAResult() {
        Reply reply = post("""
                MATCH (d:Document {key: $key})-[i:ISSUED_IN]->(r:Region)
                MATCH (d)-[:HAS_TASK]->(t:Task) WHERE t.ordinal <= 2
                RETURN d, i, r, t.title AS title ORDER BY t.ordinal""", Map.of("key", "甘政办发〔2022〕84号"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.get("columns").toString()).isEqualTo("[\"d\",\"i\",\"r\",\"title\"]");
        assertThat(body.get("rows")).hasSize(2);
        assertThat(body.at("/rows/0/3").asString()).isEqualTo("加强三明医改经验推广的组织领导");
        assertThat(body.at("/rows/1/3").asString()).isEqualTo("推进药品耗材集中带量采购");
        assertThat(body.at("/rows/0/0/labels/0").asString()).isEqualTo("Document");
        assertThat(body.at("/rows/0/0/properties/year").asInt()).isEqualTo(2022);
        assertThat(body.get("truncated").asBoolean()).isFalse();
        assertThat(body.get("durationMillis").asLong()).isNotNegative();

        // The graph: the document and its region once each, though both occur in two rows.
        JsonNode graph = body.get("graph");
        assertThat(graph.get("nodes")).hasSize(2);
        assertThat(graph.get("relationships")).hasSize(1);
        JsonNode issuedIn = graph.at("/relationships/0");
        assertThat(issuedIn.get("type").asString()).isEqualTo("ISSUED_IN");
        assertThat(issuedIn.get("start").asString()).isEqualTo(body.at("/rows/0/0/id").asString());
        assertThat(issuedIn.get("end").asString()).isEqualTo(body.at("/rows/0/2/id").asString());
        assertThat(graph.at("/nodes/1/properties/name").asString()).isEqualTo("甘肃省");
    }

    @Test
    void shouldPutTheNodesAndRelationshipsOfPathsIntoTheGraph() {
        Reply reply = post("""
                MATCH p = (:Department {name: '市残联'})<-[:ASSIGNED_TO]-(:Task)-[:ASSIGNED_TO]->(:Department)
                RETURN p""", Map.of());
        assertThat(reply.status()).isEqualTo(200);
        int rows = reply.body().get("rows").size();
        assertThat(rows).isPositive();
        // One task, 市残联 and each co-assigned department: rows + 2 nodes, 2 relationships per row but 市残联's once.
        assertThat(reply.body().at("/graph/nodes")).hasSize(rows + 2);
        assertThat(reply.body().at("/graph/relationships")).hasSize(rows + 1);
        assertThat(reply.body().at("/rows/0/0/nodes")).hasSize(3);
    }

    @Test
    void shouldRejectWritesWithA400AndChangeNothing() {
        long documents = count("MATCH (d:Document) RETURN count(d)");
        for (String write : new String[] {
                "CREATE (:Probe {by: 'analyst'})",
                "MATCH (t:Task) SET t.title = 'x'",
                "MATCH (d:Document) DETACH DELETE d",
                "MERGE (d:Department {key: 'x'}) RETURN d",
                "CREATE INDEX probe_index IF NOT EXISTS FOR (n:Probe) ON (n.by)",
                "CALL apoc.create.node(['Probe'], {by: 'apoc'})",
                "CALL db.createLabel('Probe')"}) {
            Reply reply = post(write, Map.of());
            assertThat(reply.status()).as(write).isEqualTo(400);
            assertThat(reply.body().get("reason").asString()).as(write).isEqualTo("REJECTED");
            assertThat(reply.body().get("error").asString()).as(write).contains("read-only");
        }
        assertThat(count("MATCH (n:Probe) RETURN count(n)")).isZero();
        assertThat(count("MATCH (d:Document) RETURN count(d)")).isEqualTo(documents);
        assertThat(count("MATCH (t:Task {title: 'x'}) RETURN count(t)")).isZero();
        try (Session session = sessions.session()) {
            assertThat(session.run("SHOW INDEXES YIELD name WHERE name = 'probe_index' RETURN count(*)").single()
                    .get(0).asLong()).isZero();
        }
    }

    @Test
    void shouldRejectLoadCsv() {
        Reply reply = post("LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line", Map.of());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("reason").asString()).isEqualTo("REJECTED");
        assertThat(reply.body().get("error").asString()).contains("LoadCSV");
    }

    @Test
    void shouldCutARunawayQueryAtTheTimeoutWithA408() {
        Duration limit = runner.timeout().plusSeconds(5);
        for (String runaway : new String[] {
                "UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x)",
                "MATCH (a:Region), (b:Region), (c:Region) WHERE a.code + b.code + c.code = '' RETURN count(*)"}) {
            long started = System.nanoTime();
            Reply reply = post(runaway, Map.of());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(reply.status()).as(runaway).isEqualTo(408);
            assertThat(reply.body().get("reason").asString()).isEqualTo("TIMED_OUT");
            assertThat(reply.body().get("error").asString()).contains("policygraph.analyst.timeout");
            assertThat(took).as(runaway).isBetween(runner.timeout(), limit);
        }
    }

    @Test
    void shouldStopAtTheRowCapAndSayTruncated() {
        int cap = runner.maxRows();
        Reply over = post("UNWIND range(1, $n) AS x RETURN x", Map.of("n", cap + 5));
        assertThat(over.status()).isEqualTo(200);
        assertThat(over.body().get("rows")).hasSize(cap);
        assertThat(over.body().at("/rows/" + (cap - 1) + "/0").asInt()).isEqualTo(cap);
        assertThat(over.body().get("truncated").asBoolean()).isTrue();

        Reply exact = post("UNWIND range(1, $n) AS x RETURN x", Map.of("n", cap));
        assertThat(exact.body().get("rows")).hasSize(cap);
        assertThat(exact.body().get("truncated").asBoolean()).isFalse();
    }

    @Test
    void shouldReportAFailingQueryWithA400() {
        Reply syntax = post("MATCH (n RETURN n", Map.of());
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.body().get("reason").asString()).isEqualTo("FAILED");
        assertThat(syntax.body().get("error").asString()).isNotBlank();

        Reply empty = post("  ", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("error").asString()).contains("empty");

        Reply missingParameter = post("RETURN $nothing AS x", Map.of());
        assertThat(missingParameter.status()).isEqualTo(400);
    }

    @Test
    void shouldLogEachQueryWithItsDurationOnOneLine(CapturedOutput output) {
        post("MATCH (t:Task)\nRETURN count(t) AS tasks", Map.of());
        post("CREATE (:Probe)", Map.of());
        assertThat(output.getOut().lines().filter(l -> l.contains("CypherRunner")))
                .anySatisfy(l -> assertThat(l).containsPattern("cypher ok in \\d+ ms, 1 rows: MATCH \\(t:Task\\) RETURN"))
                .anySatisfy(l -> assertThat(l).containsPattern("cypher rejected after \\d+ ms: CREATE \\(:Probe\\)"));
    }

    /** Query texts in the log are cut at policygraph.analyst.log-query-length (one request once wrote a 1 MB line). */
    @Test
    void shouldCutLongQueryTextsInTheLog(CapturedOutput output, @Value("${policygraph.analyst.log-query-length}") int kept) {
        String padding = "x".repeat(9000);
        String allowed = "RETURN '" + padding + "' AS padded";
        String refused = "RETURN '" + padding.repeat(100) + "' AS refused";
        post(allowed, Map.of());
        post(refused, Map.of());
        List<String> lines = output.getOut().lines().filter(l -> l.contains("CypherRunner") && l.contains("xxxx")).toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line.length()).isLessThan(kept + 1000));
        assertThat(lines.get(0)).contains("cypher ok", "(" + allowed.length() + " characters)");
        assertThat(lines.get(1)).contains("cypher rejected", "(" + refused.length() + " characters)",
                "policygraph.analyst.max-query-length");
    }

    /** A JSON body is read whole before the query limits apply, so its size is bounded first (policygraph.http.max-body). */
    @Test
    void shouldRefuseABodyOverTheLimitBeforeReadingIt(@Value("${policygraph.http.max-body}") DataSize maxBody) {
        String padding = "x".repeat((int) maxBody.toBytes() + 1);
        for (String path : new String[] {"/api/cypher", "/graphql"}) {
            HttpText reply = http("POST", path, "{\"query\": \"RETURN 1\", \"padding\": \"" + padding + "\"}");
            assertThat(reply.status()).as(path).isEqualTo(413);
            assertThat(reply.body()).as(path).contains("at most " + maxBody.toBytes(), "policygraph.http.max-body");
        }
        assertThat(count("RETURN 1 AS one")).isEqualTo(1);
    }

    @Test
    void shouldServeTheConsolePage() {
        HttpText page = http("GET", "/cypher.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("cypher.js");
        HttpText script = http("GET", "/cypher.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("api/cypher");
    }
}
