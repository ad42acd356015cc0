package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Abusive queries are refused within their limits, and do not stop other clients from being answered. */
class AbuseTests extends UploadTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

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
}
