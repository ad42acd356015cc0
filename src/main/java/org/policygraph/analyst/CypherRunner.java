package org.policygraph.analyst;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.policygraph.graph.PolicyGraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs an analyst's Cypher read-only, with a time limit and a row cap, and logs one line per query.
 *
 * <p>Three guards, each sufficient against writes on its own: the query is planned first
 * ({@code EXPLAIN}) and refused unless the plan is {@link QueryType#READ_ONLY} and loads no file;
 * it then runs in a session of {@link AccessMode#READ}, which the Neo4j 5 server enforces on a
 * single instance too; and its transaction is always rolled back, never committed.
 */
@Component
public class CypherRunner {

    private static final Logger log = LoggerFactory.getLogger(CypherRunner.class);
    /** Plan operators refused although the plan is read-only: they read files or URLs. */
    static final List<String> REFUSED_OPERATORS = List.of("LoadCSV");
    private static final Pattern EXPLAIN_PREFIX = Pattern.compile("(?is)^\\s*EXPLAIN\\b.*");
    private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^\\s*//.*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Driver driver;
    private final SessionConfig readOnly;
    private final Duration timeout;
    private final int maxRows;
    private final AnalystQueryPolicy policy;

    CypherRunner(Driver driver, PolicyGraphProperties graph, AnalystProperties analyst) {
        this.driver = driver;
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
        if (graph.database() != null && !graph.database().isBlank()) {
            config.withDatabase(graph.database().trim());
        }
        this.readOnly = config.build();
        this.timeout = analyst.timeout();
        this.maxRows = analyst.maxRows();
        this.policy = new AnalystQueryPolicy(analyst);
    }

    public Duration timeout() {
        return timeout;
    }

    public int maxRows() {
        return maxRows;
    }

    /**
     * Runs {@code query} with {@code parameters} (may be null) and returns at most
     * {@link #maxRows()} rows.
     *
     * @throws CypherQueryException when the query is refused, times out or fails
     */
    public CypherResult run(String query, Map<String, Object> parameters) {
        if (query == null || query.isBlank()) {
            throw new CypherQueryException(CypherQueryException.Reason.FAILED, "the query is empty", null);
        }
        Map<String, Object> params = parameters == null ? Map.of() : parameters;
        long started = System.nanoTime();
        try {
            policy.check(query);
            CypherResult result = execute(query, params, started);
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
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout).build();
        try (Session session = driver.session(readOnly); Transaction tx = session.beginTransaction(config)) {
            String explain = EXPLAIN_PREFIX.matcher(query).matches() ? query : "EXPLAIN " + query;
            refuseUnlessReadOnly(tx.run(explain, params).consume());

            Result result = tx.run(query, params);
            List<String> columns = List.copyOf(result.keys());
            CypherValues values = new CypherValues();
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

    private CypherQueryException translate(Neo4jException e) {
        String code = String.valueOf(e.code());
        if (code.contains("TransactionTimedOut") || code.contains("Terminated")) {
            return new CypherQueryException(CypherQueryException.Reason.TIMED_OUT,
                    "the query ran longer than " + timeout.toMillis() + " ms (policygraph.analyst.timeout) and was"
                            + " stopped; narrow it down (labels, LIMIT, fewer unbounded patterns)", e);
        }
        if (code.contains("AccessMode") || code.contains("Forbidden")) {
            return new CypherQueryException(CypherQueryException.Reason.REJECTED,
                    "only read-only queries are allowed here: " + e.getMessage(), e);
        }
        return new CypherQueryException(CypherQueryException.Reason.FAILED, e.getMessage(), e);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The text on one line, without {@code //} comment lines (saved queries start with several). */
    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String code = COMMENT_LINE.matcher(text).replaceAll("");
        return WHITESPACE.matcher(code.strip()).replaceAll(" ");
    }
}
