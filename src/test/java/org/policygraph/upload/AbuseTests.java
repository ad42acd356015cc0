package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Abusive queries are refused within their limits, and do not stop other clients from being answered. */
class AbuseTests extends UploadTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${policygraph.analyst.max-concurrent-queries}")
    int maxConcurrentAnalystQueries;

    JsonNode graphql(String query) {
        return JSON.readTree(http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(Map.of("query", query)))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    @Test
    void shouldRefuseAnAliasBombByComplexity() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            query.append(" a").append(i).append(": tasks(first: 100) { edges { node { key title } } }");
        }
        JsonNode reply = graphql(query.append(" }").toString());
        assertThat(reply.get("data")).as(reply.toString()).isNull();
        assertThat(reply.at("/errors").size()).isEqualTo(1);
        assertThat(reply.at("/errors/0/extensions/limit").asString()).isEqualTo("max-complexity");
        assertThat(reply.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(reply.at("/errors/0/message").asString()).contains("at most 20000", "policygraph.graphql.max-complexity");
    }

    @Test
    void shouldRefuseAnOversizedPage() { // depth is QueryLimitsTests
        JsonNode page = graphql("{ tasks(first: 500) { totalCount } }");
        assertThat(page.at("/errors/0/extensions/limit").asString()).isEqualTo("max-page-size");
        assertThat(page.at("/errors/0/message").asString()).contains("first is 500; at most 100");
    }

    @Test
    void shouldAnswerOtherClientsWhileARunawayCypherQueryRuns() throws Exception {
        String question = "{ tasks(where: {department: \"市卫生健康委\"}, first: 20) { totalCount edges { node { key title } } } }";
        assertThat(graphql(question).at("/data/tasks/totalCount").asInt()).isPositive(); // plans compiled

        CompletableFuture<Integer> runaway = CompletableFuture.supplyAsync(() -> http.post().uri("/api/cypher")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x)"))
                .exchange().returnResult(String.class).getStatus().value());
        Thread.sleep(1000); // the runaway is running (it is cut after policygraph.analyst.timeout = 6s)
        assertThat(runaway).isNotDone();

        long started = System.nanoTime();
        JsonNode answer = graphql(question);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.at("/data/tasks/totalCount").asInt()).isPositive();
        assertThat(runaway).as("the other client's answer came before the runaway was cut (took %s)", took).isNotDone();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(runaway.get(60, TimeUnit.SECONDS)).isEqualTo(408);
    }

    /**
     * Analysts get policygraph.analyst.max-concurrent-queries slots; with all of them held by slow
     * queries one more analyst query is refused at once (429), and GraphQL, an upload and the
     * readiness probe are answered as usual.
     */
    @Test
    void shouldKeepServingOthersWhileEveryAnalystSlotIsHeld() throws Exception {
        String slow = "UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x)";
        List<CompletableFuture<Integer>> holders = new ArrayList<>();
        for (int i = 0; i < maxConcurrentAnalystQueries; i++) {
            holders.add(CompletableFuture.supplyAsync(() -> cypherStatus(slow)));
        }
        Thread.sleep(1000); // the slow queries hold their slots until policygraph.analyst.timeout (6s)
        assertThat(holders).noneMatch(CompletableFuture::isDone);

        WebTestClient.ResponseSpec refused = http.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "MATCH (t:Task) RETURN count(t)")).exchange();
        refused.expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.reason").isEqualTo("BUSY")
                .jsonPath("$.error").value(String.class, message -> assertThat(message)
                        .contains("policygraph.analyst.max-concurrent-queries"));

        String question = "{ tasks(where: {department: \"市卫生健康委\"}, first: 20) { totalCount } }";
        assertThat(graphql(question).at("/data/tasks/totalCount").asInt()).isPositive();
        JsonNode uploaded = JSON.readTree(uploadWithToken(part("while-analysts-run.txt",
                SampleDocuments.renumbered(SampleDocuments.GANSU, 9301).getBytes(StandardCharsets.UTF_8)))
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(uploaded.at("/files/0/outcome").asString()).as(uploaded.toString()).isEqualTo("loaded");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(holders).as("all of it answered while the slots were held").noneMatch(CompletableFuture::isDone);

        for (CompletableFuture<Integer> holder : holders) {
            assertThat(holder.get(60, TimeUnit.SECONDS)).isEqualTo(408);
        }
        assertThat(cypherStatus("MATCH (t:Task) RETURN count(t)")).as("slots free again").isEqualTo(200);
    }

    int cypherStatus(String query) {
        return http.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query)).exchange().returnResult(String.class).getStatus().value();
    }
}
