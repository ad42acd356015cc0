package org.policygraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.graph.PolicyGraphProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Results are bounded by their size, not only by their rows: one row holding 30 million numbers used
 * to take the heap (OutOfMemoryError, a dead HTTP poller); now it is stopped after
 * policygraph.analyst.max-result-bytes with 413, and the service stays alive and answers.
 */
class CypherResultLimitsTests extends AnalystGraphTestSupport {

    static final String THIRTY_MILLION = "RETURN range(1, 30000000) AS l";
    /** Far above the fraction of a second the refusal takes, far below the 24-48 s the heap took to run out. */
    static final Duration REFUSED_WITHIN = Duration.ofSeconds(10);
    static final Duration LIVENESS_WITHIN = Duration.ofSeconds(1);

    @Autowired
    CypherRunner runner;

    @Autowired
    Driver driver;

    @Autowired
    PolicyGraphProperties graph;

    @Autowired
    AnalystProperties analyst;

    void assertTooLarge(Reply reply, String... messageParts) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(413);
        assertThat(reply.body().get("reason").asString()).isEqualTo("TOO_LARGE");
        assertThat(reply.body().get("error").asString()).contains(messageParts);
    }

    @Test
    void shouldStopAHugeRowAndStayAlive() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<Reply> attack = CompletableFuture.supplyAsync(() -> post(THIRTY_MILLION, Map.of()));
        do {
            long asked = System.nanoTime();
            HttpText liveness = http("GET", "/actuator/health/liveness", null);
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("liveness during the attack").isLessThan(LIVENESS_WITHIN);
        } while (!attack.isDone());
        Reply reply = attack.get(REFUSED_WITHIN.toSeconds(), TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTooLarge(reply, "larger than " + runner.maxResultBytes().toBytes() + " bytes",
                "policygraph.analyst.max-result-bytes", "LIMIT");
        assertThat(took).isLessThan(REFUSED_WITHIN);

        long asked = System.nanoTime();
        assertThat(http("GET", "/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("liveness after the attack").isLessThan(LIVENESS_WITHIN);
        assertThat(count("MATCH (t:Task) RETURN count(t)")).isEqualTo(49);
    }

    @Test
    void shouldStopTenMillionNumbersThatUsedToAnswer80Megabytes() {
        assertTooLarge(post("RETURN range(1, 10000000) AS l", Map.of()), "policygraph.analyst.max-result-bytes");
    }

    @Test
    void shouldStopManyRowsUnderTheRowCapWhenTheirBytesAreOverTheLimit() {
        assertThat(runner.maxRows()).isGreaterThan(900);
        assertTooLarge(post("UNWIND range(1, 900) AS i RETURN i, [x IN range(1, 1000) | 'abcdefgh'] AS l", Map.of()),
                "policygraph.analyst.max-result-bytes");
        // The same rows with short lists fit.
        Reply small = post("UNWIND range(1, 900) AS i RETURN i, [x IN range(1, 10) | 'abcdefgh'] AS l", Map.of());
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.body().get("rows")).hasSize(900);
    }

    @Test
    void shouldStopAQueryThatNeedsMoreThanTheTransactionMemoryLimit() {
        long started = System.nanoTime();
        Reply reply = post("UNWIND range(1, 30000000) AS x WITH collect(toString(x) + ' of thirty million') AS texts RETURN size(texts) AS n", Map.of());
        assertTooLarge(reply, "db.memory.transaction.max", "policygraph.embedded.transaction-memory-max");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(REFUSED_WITHIN);
        assertThat(count("MATCH (t:Task) RETURN count(t)")).isEqualTo(49);
    }

    /** External mode reads over the driver: each record is charged once decoded, so the same limit holds. */
    @Test
    void shouldBoundResultsOverTheDriverToo() {
        CypherRunner overBolt = new CypherRunner(driver, graph, analyst, (org.neo4j.graphdb.GraphDatabaseService) null);
        try {
            overBolt.run("RETURN range(1, 1000000) AS l", Map.of());
            throw new AssertionError("a million numbers were returned");
        } catch (CypherQueryException e) {
            assertThat(e.reason()).isEqualTo(CypherQueryException.Reason.TOO_LARGE);
            assertThat(e.getMessage()).contains("policygraph.analyst.max-result-bytes");
        }
        assertThat(overBolt.run("MATCH (t:Task) RETURN count(t) AS n", Map.of()).rows().get(0).get(0)).isEqualTo(49L);
        try {
            overBolt.run("SHOW TRANSACTIONS", Map.of());
            throw new AssertionError("SHOW TRANSACTIONS ran");
        } catch (CypherQueryException e) {
            assertThat(e.reason()).isEqualTo(CypherQueryException.Reason.REJECTED);
        }
    }
}
