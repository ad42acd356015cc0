package org.policygraph.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * Sessions and transactions on the configured database ({@code policygraph.database}).
 *
 * <p>{@link #read} and {@link #write} run in this JVM, through Neo4j's own transaction API, when the
 * database is embedded and {@code policygraph.embedded.in-process} is on: the rows then skip Bolt's
 * encoding, the loopback socket and the driver's decoding, which on a 2-core machine cost as much as
 * the query itself for the API's small answers. Otherwise they go through the driver, as does every
 * {@link #session()}. Either way a read returns its rows as map {@link Value}s (column to value).
 */
public final class GraphSessions {

    /** A write transaction's statements; each returns its rows like {@link #read}. */
    @FunctionalInterface
    public interface Statements {
        List<Value> run(String cypher, Map<String, Object> parameters);
    }

    private static final String KEEP_PLAN = "CYPHER replan=skip ";

    private final Driver driver;
    private final SessionConfig config;
    /** Reads go to a reader of a cluster. */
    private final SessionConfig readConfig;
    private final GraphDatabaseService inProcess;
    private final int writeAttempts;
    private final int readAttempts;

    /** Everything over the driver. */
    public GraphSessions(Driver driver, String database) {
        this(driver, database, null, 1);
    }

    /** In-process reads tried {@link PolicyGraphProperties.Embedded#DEFAULT_READ_ATTEMPTS} times. */
    public GraphSessions(Driver driver, String database, GraphDatabaseService inProcess, int writeAttempts) {
        this(driver, database, inProcess, writeAttempts, PolicyGraphProperties.Embedded.DEFAULT_READ_ATTEMPTS);
    }

    /**
     * @param inProcess the embedded database for {@link #read} and {@link #write}; null: over the driver
     * @param writeAttempts how often an in-process write is tried when Neo4j calls its failure transient
     *     (a deadlock between concurrent loads); the driver retries those itself
     * @param readAttempts how often an in-process read is tried when Neo4j calls its failure transient
     *     (it read data a concurrent write changed); the driver retries those itself
     */
    public GraphSessions(Driver driver, String database, GraphDatabaseService inProcess, int writeAttempts,
            int readAttempts) {
        this.driver = driver;
        this.config = database == null || database.isBlank()
                ? SessionConfig.defaultConfig()
                : SessionConfig.forDatabase(database.trim());
        SessionConfig.Builder reads = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
        this.readConfig = (database == null || database.isBlank() ? reads : reads.withDatabase(database.trim())).build();
        this.inProcess = inProcess;
        this.writeAttempts = Math.max(1, writeAttempts);
        this.readAttempts = Math.max(1, readAttempts);
    }

    public Session session() {
        return driver.session(config);
    }

    public Driver driver() {
        return driver;
    }

    /** True when {@link #read} and {@link #write} bypass Bolt. */
    public boolean inProcess() {
        return inProcess != null;
    }

    /**
     * The rows of one read statement of the service's own (no timeout of its own: the database's
     * {@code db.transaction.timeout} applies), in process when the database is embedded.
     */
    public List<Value> read(String cypher, Map<String, Object> parameters) {
        return read(cypher, parameters, null);
    }

    /**
     * The rows of one read statement, in a read transaction the database ends after {@code timeout}
     * (null: the database's own limit).
     */
    public List<Value> read(String cypher, Map<String, Object> parameters, Duration timeout) {
        if (inProcess == null) {
            TransactionConfig config = timeout == null ? TransactionConfig.empty()
                    : TransactionConfig.builder().withTimeout(timeout).build();
            // One statement in an auto-commit transaction: RUN and PULL in one round trip, where a managed
            // transaction adds one for its COMMIT. Retried here as executeRead would retry it.
            for (int attempt = 1; ; attempt++) {
                try (Session session = driver.session(readConfig)) {
                    return session.run(new Query(cypher, parameters), config).list(r -> Values.value(r.asMap(v -> v)));
                } catch (RuntimeException e) {
                    if (attempt >= readAttempts || !(e instanceof RetryableException || isTransient(e))) {
                        throw e;
                    }
                }
            }
        }
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = timeout == null ? inProcess.beginTx()
                    : inProcess.beginTx(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return rows(tx, cypher, parameters);
            } catch (RuntimeException e) {
                // Under concurrent loads a read can fail with "read outdated data ... Retry the transaction".
                if (attempt >= readAttempts || !isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Runs {@code work} in one write transaction, committed when it returns, rolled back when it throws.
     *
     * <p>Every statement runs with {@code CYPHER replan=skip}: the service's writes are fixed-shape
     * statements on keys with constraints, so a plan stays good however the counts change, while
     * Neo4j would otherwise replan one after each large change of the statistics. Planning the loader's
     * longer statements takes seconds on a busy 2-core machine, and every write waited for it.
     */
    public void write(Consumer<Statements> work) {
        if (inProcess == null) {
            try (Session session = session()) {
                session.executeWriteWithoutResult(tx -> work.accept(
                        (cypher, parameters) -> tx.run(keepPlan(cypher), parameters)
                                .list(r -> Values.value(r.asMap(v -> v)))));
            }
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = inProcess.beginTx()) {
                work.accept((cypher, parameters) -> rows(tx, keepPlan(cypher), parameters));
                tx.commit();
                return;
            } catch (RuntimeException e) {
                if (attempt >= writeAttempts || !isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits until the full-text indexes hold every commit so far. They are eventually consistent
     * (cypher/schema.cypher): Lucene indexes a commit's text on a background thread, so a bulk load's
     * writing thread goes on meanwhile; whoever reports a write done calls this first, so that what it
     * wrote (or deleted) is what a search finds.
     */
    public void awaitSearchIndexes() {
        write(tx -> tx.run(AWAIT_SEARCH_INDEXES, Map.of()));
    }

    private static final String AWAIT_SEARCH_INDEXES = "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()";

    static String keepPlan(String cypher) {
        return cypher.stripLeading().regionMatches(true, 0, "CYPHER ", 0, 7) ? cypher : KEEP_PLAN + cypher;
    }

    private static List<Value> rows(Transaction tx, String cypher, Map<String, Object> parameters) {
        List<Value> rows = new ArrayList<>();
        try (Result result = tx.execute(cypher, parameters)) {
            while (result.hasNext()) {
                rows.add(Values.value(result.next()));
            }
        }
        return rows;
    }

    /**
     * Neo4j's status code of a failure (e.g. {@code Neo.ClientError.Transaction.TransactionTimedOut}),
     * from the driver or from the embedded database, whichever raised it; null when it has none.
     */
    public static String statusCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Neo4jException e && e.code() != null) {
                return e.code();
            }
            if (t instanceof Status.HasStatus s && s.status() != null) {
                return s.status().code().serialize();
            }
            if (t instanceof QueryExecutionException e && e.getStatusCode() != null) {
                return e.getStatusCode();
            }
        }
        return null;
    }

    private static boolean isTransient(RuntimeException e) {
        if (e instanceof TransientFailureException) {
            return true;
        }
        String code = statusCode(e);
        return code != null && code.startsWith("Neo.TransientError.");
    }
}
