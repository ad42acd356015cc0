package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.TransientTransactionFailureException;
import org.neo4j.kernel.api.exceptions.Status;

/** The in-process path of reads and writes answers and fails exactly as the path over Bolt does. */
class GraphSessionsTest extends EmbeddedGraphTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String PROBE = "MATCH (n:Probe) RETURN count(n) AS probes";

    /** The same database reached over Bolt by the application's driver. */
    GraphSessions overBolt;

    @BeforeEach
    void sampleGraph() {
        clearDocuments();
        loader.load(gold(GANSU));
        loader.load(gold(BAIYIN));
        overBolt = new GraphSessions(sessions.driver(), null);
        sessions.write(tx -> tx.run("MATCH (n:Probe) DELETE n", Map.of()));
    }

    @Test
    void shouldReadInProcessInTheApplicationContext() {
        assertThat(sessions.inProcess()).isTrue();
        assertThat(overBolt.inProcess()).isFalse();
    }

    @Test
    void shouldReturnTheSameRowsInProcessAsOverBolt() {
        List<String> statements = List.of(
                // whole nodes as maps, with integers, strings, booleans and absent properties
                "MATCH (t:Task) RETURN t {.*} AS node ORDER BY t.key",
                // nested maps and lists, doubles, nulls
                """
                MATCH (d:Document)-[:HAS_TASK]->(t:Task)
                RETURN d.key AS key, collect(t {.ordinal, .title, indicators: [(t)-[:SETS]->(i) | i {.value, .unit, .deadline}],
                       departments: [(t)-[a:ASSIGNED_TO]->(x) | {name: x.name, role: a.role}]}) AS tasks
                ORDER BY key""",
                // list properties and parameters of several types
                "MATCH (r:Region) WHERE r.code IN $codes OR r.name = $name RETURN r {.*} AS node, $limit AS limit, $ratio AS ratio ORDER BY r.code",
                // no rows at all
                "MATCH (t:Task {key: 'none'}) RETURN t.key AS key");
        Map<String, Object> parameters = Map.of("codes", List.of("620000", "620400"), "name", "景泰县",
                "limit", 21, "ratio", 0.5);
        for (String statement : statements) {
            List<Value> inProcess = sessions.read(statement, parameters, TIMEOUT);
            List<Value> bolt = overBolt.read(statement, parameters, TIMEOUT);
            assertThat(inProcess).as(statement).isEqualTo(bolt);
        }
        assertThat(sessions.read(statements.get(0), parameters, TIMEOUT)).hasSize(49);
    }

    @Test
    void shouldStopAReadAtItsTimeoutOnBothPaths() {
        String endless = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n";
        for (GraphSessions path : List.of(sessions, overBolt)) {
            assertThatThrownBy(() -> path.read(endless, Map.of(), Duration.ofMillis(200)))
                    .satisfies(e -> assertThat(GraphSessions.statusCode(e))
                            .as("in process: %s", path.inProcess())
                            .isIn("Neo.ClientError.Transaction.TransactionTimedOut",
                                    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"));
        }
    }

    @Test
    void shouldWriteNothingWhenTheWorkFailsOnBothPaths() {
        for (GraphSessions path : List.of(sessions, overBolt)) {
            assertThatThrownBy(() -> path.write(tx -> {
                tx.run("CREATE (:Probe)", Map.of());
                tx.run("MATCH (t:Task) WITH t LIMIT 1 CREATE (:Task {key: t.key})", Map.of());
            })).satisfies(e -> assertThat(GraphSessions.statusCode(e)).isEqualTo(CONSTRAINT_VIOLATED));
            assertThat(probes()).isZero();
        }
    }

    @Test
    void shouldRetryATransientFailureAndKeepOnlyTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        sessions.write(tx -> {
            tx.run("CREATE (:Probe)", Map.of());
            if (attempts.incrementAndGet() == 1) {
                throw new TransientTransactionFailureException(Status.Transaction.DeadlockDetected, "deadlock");
            }
        });
        assertThat(attempts).hasValue(2);
        assertThat(probes()).isEqualTo(1);
    }

    @Test
    void shouldNotRetryAFailureThatIsNotTransient() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> sessions.write(tx -> {
            attempts.incrementAndGet();
            tx.run("CREATE (:Probe)", Map.of());
            throw new IllegalStateException("bad row");
        })).hasMessage("bad row");
        assertThat(attempts).hasValue(1);
        assertThat(probes()).isZero();
    }

    long probes() {
        return sessions.read(PROBE, Map.of(), TIMEOUT).get(0).get("probes").asLong();
    }
}
