package org.policygraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Query texts are measured before any parser sees them: a text nested deeper than
 * policygraph.analyst.max-nesting, or longer than max-query-length, is refused with 400 at once,
 * holding no connection, so many of them at the same time leave everyone else answered.
 */
class CypherTextLimitsTests extends AnalystGraphTestSupport {

    /** A list literal nested 300 deep: overflowed Neo4j's parser, whose error never came back. */
    static final String NESTED_300 = "RETURN " + "[".repeat(300) + "1" + "]".repeat(300) + " AS x";
    static final int PARALLEL_ATTACKS = 50;
    /** Far above the few milliseconds a refusal takes, far below the driver's 120 s wait it replaces. */
    static final Duration REFUSED_WITHIN = Duration.ofSeconds(10);
    /** What a liveness probe may take (orchestrators typically allow one second). */
    static final Duration LIVENESS_WITHIN = Duration.ofSeconds(1);

    @Value("${policygraph.analyst.max-nesting}")
    int maxNesting;

    @Value("${policygraph.analyst.max-query-length}")
    int maxQueryLength;

    @Test
    void shouldRefuseADeeplyNestedListAtOnce() {
        long started = System.nanoTime();
        Reply reply = post(NESTED_300, Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.body().get("reason").asString()).isEqualTo("REJECTED");
        assertThat(reply.body().get("error").asString())
                .contains("nests brackets 300 deep", "at most " + maxNesting, "policygraph.analyst.max-nesting");
        assertThat(took).isLessThan(REFUSED_WITHIN);
    }

    /** 6 KB without a bracket: the database's planner spent 14 s on it, beyond the transaction timeout. */
    @Test
    void shouldRefuseALongChainOfOperators() {
        long started = System.nanoTime();
        Reply reply = post("RETURN " + "1+".repeat(3000) + "1 AS x", Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asString()).contains("policygraph.analyst.max-syntax-depth");
        assertThat(took).isLessThan(REFUSED_WITHIN);
        assertThat(count("RETURN " + "1+".repeat(50) + "1 AS x")).isEqualTo(51);
    }

    @Test
    void shouldCountOnlyBracketsOutsideStringsAndComments() {
        String brackets = "(".repeat(maxNesting + 10);
        assertThat(count("RETURN size('" + brackets + "') // " + brackets + "\n + size(\"" + brackets + "\") AS n"))
                .isEqualTo(2L * (maxNesting + 10));
        String nestedAtTheLimit = "RETURN " + "[".repeat(maxNesting) + "1" + "]".repeat(maxNesting) + " AS x";
        assertThat(post(nestedAtTheLimit, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseATextLongerThanTheLimit() {
        String longText = "RETURN 1 AS x /*" + " ".repeat(maxQueryLength) + "*/";
        Reply reply = post(longText, Map.of());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").asString())
                .contains(longText.length() + " characters", "policygraph.analyst.max-query-length");
    }

    @Test
    void shouldAnswerOthersWhileFiftyNestedQueriesArriveTogether() throws Exception {
        ExecutorService attackers = Executors.newFixedThreadPool(PARALLEL_ATTACKS);
        try {
            List<Future<Reply>> attacks = new ArrayList<>();
            for (int i = 0; i < PARALLEL_ATTACKS; i++) {
                attacks.add(attackers.submit(() -> post(NESTED_300, Map.of())));
            }
            long started = System.nanoTime();
            HttpText liveness = http("GET", "/actuator/health/liveness", null);
            Duration livenessTook = Duration.ofNanos(System.nanoTime() - started);
            long tasks = count("MATCH (t:Task) RETURN count(t)");

            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.body()).contains("\"UP\"");
            assertThat(livenessTook).isLessThan(LIVENESS_WITHIN);
            assertThat(tasks).isEqualTo(49);
            for (Future<Reply> attack : attacks) {
                Reply reply = attack.get(REFUSED_WITHIN.toSeconds(), TimeUnit.SECONDS);
                assertThat(reply.status()).isEqualTo(400);
                assertThat(reply.body().get("error").asString()).contains("policygraph.analyst.max-nesting");
            }
            assertThat(http("GET", "/actuator/health/readiness", null).status()).isEqualTo(200);
        } finally {
            attackers.shutdownNow();
        }
    }
}
