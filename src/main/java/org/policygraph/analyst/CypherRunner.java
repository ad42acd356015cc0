package org.policygraph.analyst;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.graphdb.GraphDatabaseService;
import org.policygraph.graph.EmbeddedNeo4j;
import org.policygraph.graph.GraphSessions;
import org.policygraph.graph.PolicyGraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Runs an analyst's Cypher read-only within its limits, and logs one line per query.
 *
 * <p>Before the database sees the query, {@link AnalystQueryPolicy} measures its text and allows
 * only reads of the data. In embedded mode it then runs inside this JVM ({@link InProcessCypher}),
 * where every value is charged to a {@link ResultBudget} as the query produces it; otherwise over
 * the driver, where each record is charged once the driver has decoded it. The budget bounds the
 * result's JSON ({@code policygraph.analyst.max-result-bytes}) and the time of the whole request,
 * reading included ({@code policygraph.analyst.timeout}); the database's transaction gets the time
 * that is left. Memory per transaction is bounded by the database itself
 * ({@code db.memory.transaction.max}).
 *
 * <p>Guards against writes, each sufficient on its own: the allow-list; the plan must be
 * {@link QueryType#READ_ONLY} (and, over the driver, load no file); the transaction runs in READ
 * mode, which Neo4j enforces; and it is always rolled back, never committed.
 */
@Component
public class CypherRunner {

    private static final Logger log = LoggerFactory.getLogger(CypherRunner.class);
    /** Plan operators refused although the plan is read-only: they read files or URLs. */
    static final List<String> REFUSED_OPERATORS = List.of("LoadCSV");
    private static final Pattern EXPLAIN_PREFIX = Pattern.compile("(?is)^\\s*EXPLAIN\\b.*");
    private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^\\s*//.*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final Driver driver;
    private final SessionConfig readOnly;
    private final InProcessCypher inProcess;
    private final Duration timeout;
    private final int maxRows;
    private final DataSize maxResultBytes;
    private final AnalystQueryPolicy policy;
    /**
     * Analyst queries running now, at most {@code policygraph.analyst.max-concurrent-queries}: one
     * more is refused at once (429) rather than queued, so that analysts cannot take every CPU, pooled
     * connection or request thread the service's own readers, uploads and probes need.
     */
    private final Semaphore slots;
    private final int maxConcurrentQueries;
    private final int logQueryLength;

    /** In embedded mode on the database itself, not on the {@link GraphDatabaseService} bean, which tests may wrap. */
    @Autowired
    CypherRunner(Driver driver, PolicyGraphProperties graph, AnalystProperties analyst,
            ObjectProvider<EmbeddedNeo4j> embedded) {
        this(driver, graph, analyst, embedded.getIfAvailable() == null ? null : embedded.getObject().database());
    }

    /** @param embedded the embedded database to run in; null: over the driver */
    CypherRunner(Driver driver, PolicyGraphProperties graph, AnalystProperties analyst, GraphDatabaseService embedded) {
        this.driver = driver;
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
        if (graph.database() != null && !graph.database().isBlank()) {
            config.withDatabase(graph.database().trim());
        }
        this.readOnly = config.build();
        this.inProcess = embedded == null ? null : new InProcessCypher(embedded);
        this.timeout = analyst.timeout();
        this.maxRows = analyst.maxRows();
        this.maxResultBytes = analyst.maxResultBytes();
        this.policy = new AnalystQueryPolicy(analyst);
        this.maxConcurrentQueries = analyst.maxConcurrentQueries();
        this.slots = new Semaphore(maxConcurrentQueries);
        this.logQueryLength = analyst.logQueryLength();
    }

    public Duration timeout() {
        return timeout;
    }

    public int maxRows() {
        return maxRows;
    }

    public DataSize maxResultBytes() {
        return maxResultBytes;
    }

    /**
     * Runs {@code query} with {@code parameters} (may be null) and returns at most
     * {@link #maxRows()} rows.
     *
     * @throws CypherQueryException when the query is refused, times out, is too large or fails
     */
    public CypherResult run(String query, Map<String, Object> parameters) {
        if (query == null || query.isBlank()) {
            throw new CypherQueryException(CypherQueryException.Reason.FAILED, "the query is empty", null);
        }
        Map<String, Object> params = parameters == null ? Map.of() : parameters;
        long started = System.nanoTime();
        try {
            policy.check(query);
            if (!slots.tryAcquire()) {
                throw new CypherQueryException(CypherQueryException.Reason.BUSY, "all " + maxConcurrentQueries
                        + " analyst query slots are taken (policygraph.analyst.max-concurrent-queries); try again when"
                        + " one of the running queries has ended (at most " + timeout.toSeconds() + " s)", null);
            }
            CypherResult result;
            try {
                result = execute(query, params, started);
            } finally {
                slots.release();
            }
            log.info("cypher ok in {} ms, {} rows{}: {}", result.durationMillis(), result.rows().size(),
                    result.truncated() ? " (truncated)" : "", oneLine(query));
            return result;
        } catch (CypherQueryException e) {
            log.info("cypher {} after {} ms: {} -- {}", e.reason().name().toLowerCase(Locale.ROOT),
                    millisSince(started), oneLine(query), oneLine(e.getMessage()));
            throw e;
        }
    }

    private CypherResult execute(String query, Map<String, Object> params, long started) {
        ResultBudget budget = new ResultBudget(maxResultBytes, timeout, started);
        CypherValues values = new CypherValues(budget);
        if (inProcess != null) {
            try {
                InProcessCypher.Rows rows = inProcess.run(query, params, maxRows, values, budget);
                return new CypherResult(rows.columns(), rows.rows(), values.graph(), rows.truncated(),
                        millisSince(started));
            } catch (InProcessCypher.InProcessFailure e) {
                throw translate(e.getCause());
            }
        }
        TransactionConfig config = TransactionConfig.builder().withTimeout(budget.remaining()).build();
        try (Session session = driver.session(readOnly); Transaction tx = session.beginTransaction(config)) {
            String prefix = EXPLAIN_PREFIX.matcher(query).matches() ? "" : "EXPLAIN ";
            ResultSummary plan;
            try {
                plan = tx.run(prefix + query, params).consume();
            } catch (Neo4jException e) {
                // The analyst never typed the prefix: the message must quote and point into their text.
                throw translate(e, CypherText.withoutPrefix(e.getMessage(), prefix));
            }
            refuseUnlessReadOnly(plan);

            Result result = tx.run(query, params);
            List<String> columns = List.copyOf(result.keys());
            List<List<Object>> rows = new ArrayList<>();
            while (rows.size() < maxRows && result.hasNext()) {
                Record record = result.next();
                List<Object> row = new ArrayList<>(columns.size());
                record.values().forEach(v -> row.add(values.convert(v)));
                rows.add(row);
            }
            boolean truncated = result.hasNext();
            tx.rollback();
            return new CypherResult(columns, rows, values.graph(), truncated, millisSince(started));
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    private static void refuseUnlessReadOnly(ResultSummary plan) {
        QueryType type = plan.queryType();
        if (type != QueryType.READ_ONLY) {
            throw new CypherQueryException(CypherQueryException.Reason.REJECTED,
                    "only read-only queries are allowed here; the database plans this one as " + type
                            + " (CREATE, MERGE, SET, DELETE, REMOVE, schema and write procedures are refused)",
                    null);
        }
        if (plan.hasPlan()) {
            String operator = refusedOperator(plan.plan());
            if (operator != null) {
                throw new CypherQueryException(CypherQueryException.Reason.REJECTED,
                        "the query uses " + operator + ", which reads files or URLs; it is not allowed here", null);
            }
        }
    }

    private static String refusedOperator(Plan plan) {
        String type = plan.operatorType();
        for (String refused : REFUSED_OPERATORS) {
            if (type != null && type.startsWith(refused)) {
                return refused;
            }
        }
        for (Plan child : plan.children()) {
            String found = refusedOperator(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A database failure (driver or embedded) as the analyst's error, by Neo4j's status code. */
    private CypherQueryException translate(Throwable e) {
        return translate(e, e.getMessage());
    }

    private CypherQueryException translate(Throwable e, String message) {
        String code = String.valueOf(GraphSessions.statusCode(e));
        if (code.contains("TransactionTimedOut") || code.contains("Terminated")) {
            return ResultBudget.timedOut(timeout, e);
        }
        if (code.contains("MemoryLimit") || code.contains("OutOfMemory")) {
            return new CypherQueryException(CypherQueryException.Reason.TOO_LARGE,
                    "the query needs more memory than the database allows a transaction (db.memory.transaction.max;"
                            + " policygraph.embedded.transaction-memory-max in embedded mode) and was stopped; narrow"
                            + " it down or aggregate less at once: " + message, e);
        }
        if (code.contains("AccessMode") || code.contains("Forbidden") || code.contains("Security")) {
            return new CypherQueryException(CypherQueryException.Reason.REJECTED,
                    "only read-only queries are allowed here: " + message, e);
        }
        return new CypherQueryException(CypherQueryException.Reason.FAILED, message, e);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / NANOS_PER_MILLI;
    }

    /**
     * The text on one line, without {@code //} comment lines (saved queries start with several), cut
     * after {@code policygraph.analyst.log-query-length} characters: one request once wrote a 1 MB line.
     */
    private String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String code = COMMENT_LINE.matcher(text).replaceAll("");
        String line = WHITESPACE.matcher(code.strip()).replaceAll(" ");
        return line.length() <= logQueryLength
                ? line
                : line.substring(0, logQueryLength) + "… (" + line.length() + " characters)";
    }
}
