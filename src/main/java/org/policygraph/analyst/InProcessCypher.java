package org.policygraph.analyst;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionType;
import org.neo4j.graphdb.QueryStatistics;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.GraphDatabaseQueryService;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.impl.query.Neo4jTransactionalContextFactory;
import org.neo4j.kernel.impl.query.QueryExecution;
import org.neo4j.kernel.impl.query.QueryExecutionConfiguration;
import org.neo4j.kernel.impl.query.QueryExecutionEngine;
import org.neo4j.kernel.impl.query.QuerySubscriber;
import org.neo4j.kernel.impl.query.TransactionalContext;
import org.neo4j.kernel.impl.query.TransactionalContextFactory;
import org.neo4j.kernel.impl.util.DefaultValueMapper;
import org.neo4j.kernel.impl.util.ValueUtils;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.values.AnyValue;
import org.neo4j.values.virtual.MapValue;

/**
 * Runs analyst queries on the embedded database inside this JVM, reading each value as the query
 * produces it (Neo4j's {@link QuerySubscriber}, the interface its Bolt server streams from), so that
 * the {@link ResultBudget} stops a result while it is being read. Over Bolt the driver must receive
 * and decode a whole record before anyone can measure it: one record holding {@code range(1, 3e7)}
 * is hundreds of megabytes of heap.
 *
 * <p>The transaction runs with a READ security context (Neo4j refuses any write in it, as it does in
 * a READ Bolt session), its timeout is what is left of {@code policygraph.analyst.timeout}, it is
 * refused unless Neo4j plans it as READ_ONLY before any row is requested, and it is rolled back.
 */
final class InProcessCypher {

    private final GraphDatabaseAPI database;
    private final QueryExecutionEngine engine;
    private final TransactionalContextFactory contexts;
    private final SecurityContext readOnly;

    InProcessCypher(GraphDatabaseService embedded) {
        this.database = (GraphDatabaseAPI) embedded;
        this.engine = database.getDependencyResolver().resolveDependency(QueryExecutionEngine.class);
        this.contexts = Neo4jTransactionalContextFactory.create(
                database.getDependencyResolver().resolveDependency(GraphDatabaseQueryService.class));
        this.readOnly = SecurityContext.authDisabled(AccessMode.Static.READ, ClientConnectionInfo.EMBEDDED_CONNECTION,
                database.databaseName());
    }

    /** The columns, at most {@code maxRows} rows, and whether there were more. */
    record Rows(List<String> columns, List<List<Object>> rows, boolean truncated) {}

    Rows run(String query, Map<String, Object> parameters, int maxRows, CypherValues values, ResultBudget budget) {
        long timeoutMillis = budget.remaining().toMillis();
        try (InternalTransaction tx = database.beginTransaction(KernelTransaction.Type.EXPLICIT, readOnly,
                ClientConnectionInfo.EMBEDDED_CONNECTION, timeoutMillis, TimeUnit.MILLISECONDS)) {
            MapValue params = ValueUtils.asParameterMapValue(parameters);
            TransactionalContext context = contexts.newContext(tx, query, params,
                    QueryExecutionConfiguration.DEFAULT_CONFIG);
            RowReader reader = new RowReader(values, new DefaultValueMapper(tx), maxRows);
            QueryExecution execution = engine.executeQuery(query, params, context, false, reader);
            reader.throwIfFailed();
            QueryExecutionType.QueryType type = execution.executionType().queryType();
            if (type != QueryExecutionType.QueryType.READ_ONLY) {
                execution.cancel();
                throw new CypherQueryException(CypherQueryException.Reason.REJECTED,
                        "only read-only queries are allowed here; the database plans this one as " + type, null);
            }
            // One row more than the cap: whether it comes tells whether the result was truncated.
            execution.request(maxRows + 1L);
            execution.await();
            reader.throwIfFailed();
            execution.cancel();
            return new Rows(List.of(execution.fieldNames()), reader.rows, reader.rows.size() < reader.received);
        } catch (CypherQueryException e) {
            throw e;
        } catch (Exception e) {
            throw new InProcessFailure(e);
        }
    }

    /** A failure of the database, for the runner to classify by its status code. */
    static final class InProcessFailure extends RuntimeException {
        InProcessFailure(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Converts each record's fields as they arrive, up to the row cap; records after it are only counted. */
    private static final class RowReader implements QuerySubscriber {

        private final CypherValues values;
        private final DefaultValueMapper mapper;
        private final int maxRows;
        private final List<List<Object>> rows = new ArrayList<>();
        private List<Object> row;
        private int received;
        private Throwable failure;

        RowReader(CypherValues values, DefaultValueMapper mapper, int maxRows) {
            this.values = values;
            this.mapper = mapper;
            this.maxRows = maxRows;
        }

        @Override
        public void onResult(int numberOfFields) {}

        @Override
        public void onRecord() {
            received++;
            row = received <= maxRows ? new ArrayList<>() : null;
        }

        @Override
        public void onField(int offset, AnyValue value) {
            if (row != null) {
                row.add(values.convert(value, mapper));
            }
        }

        @Override
        public void onRecordCompleted() {
            if (row != null) {
                rows.add(row);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (failure == null) {
                failure = error;
            }
        }

        @Override
        public void onResultCompleted(QueryStatistics statistics) {}

        void throwIfFailed() throws Exception {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof CypherQueryException refused) {
                    throw refused;
                }
            }
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }
}
