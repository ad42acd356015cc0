package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.ExecutionPlanDescription;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * {@link GraphSessions#write} keeps a statement's first plan ({@code CYPHER replan=skip}), and the
 * first plan is made when the database may be empty, when every scan looks free. A plan that scans a
 * label or a relationship type then reads the whole corpus on every load, ever slower as it grows.
 * So every write statement of graph must start from its keys (index seeks) even planned on an empty
 * database, or on one loaded but not linked yet (no relationship linking writes exists, so starting
 * from one looks free); the statements are found by reflection, so a new one cannot be forgotten.
 */
class WritePlansTest {

    private static final Pattern WRITES = Pattern.compile("\\b(CREATE|MERGE|DELETE|SET|REMOVE)\\b");
    /** Operators that read every node of a label or every relationship of a type. */
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\w+)");
    /** Documents per load and linking ({@code policygraph.ingest.batch-size}). */
    private static final int BATCH = 100;
    private static final Pattern SCAN = Pattern.compile("AllNodesScan|NodeByLabelScan|RelationshipTypeScan|UnionNodeByLabelsScan");

    @Test
    void everyWriteStatementStartsFromItsKeysEvenPlannedOnAnEmptyOrUnlinkedDatabase(@TempDir Path directory)
            throws ReflectiveOperationException {
        // A database of its own: the shared test database is never empty.
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(directory).build();
        try {
            GraphDatabaseService database = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            for (String statement : GraphBootstrap.schemaStatements(GraphBootstrap.read(GraphBootstrap.SCHEMA))) {
                database.executeTransactionally(statement);
            }
            database.executeTransactionally("CALL db.awaitIndexes(300)");
            assertNoScans(database);
            assertStreaming(database);
            // Loaded but not linked yet (linking comes after loading): a relationship type linking
            // writes has none yet, and a plan starting from it looks free.
            database.executeTransactionally("""
                    UNWIND range(1, 3000) AS d
                    CREATE (document:Document {key: 'document ' + d, stub: false})
                    WITH document, d UNWIND range(1, 20) AS t
                    CREATE (document)-[:HAS_TASK]->(:Task {key: 'task ' + d + '#' + t, docKey: document.key})
                    """);
            database.executeTransactionally("CALL db.resampleOutdatedIndexes()");
            database.executeTransactionally("CALL db.awaitIndexes(300)");
            database.executeTransactionally("CALL db.clearQueryCaches()");
            assertNoScans(database);
        } finally {
            service.shutdown();
        }
    }

    /**
     * The loader's statements with a row per task, section or pilot (thousands a batch) pass each row on
     * as it is written: an Eager operator would hold every row of the batch first. Neo4j plans one when
     * a statement sets properties from a map ({@code SET n = row.props}), since such a write may touch any
     * property a later read looks at; the statements name their properties instead.
     */
    private static void assertStreaming(GraphDatabaseService database) throws ReflectiveOperationException {
        Field themes = LinkStore.class.getDeclaredField("CREATE_THEMES");
        themes.setAccessible(true);
        Map<String, String> statements = Map.of("CREATE_SECTIONS", GraphLoader.CREATE_SECTIONS,
                "CREATE_TASKS", GraphLoader.CREATE_TASKS, "CREATE_PILOTS", GraphLoader.CREATE_PILOTS,
                "MERGE_MENTIONED_REGIONS", GraphLoader.MERGE_MENTIONED_REGIONS,
                "CREATE_DOCUMENT_INDICATORS", GraphLoader.CREATE_DOCUMENT_INDICATORS,
                "LinkStore.CREATE_THEMES", (String) themes.get(null));
        List<String> eager = new ArrayList<>();
        statements.forEach((name, cypher) -> {
            try (Transaction tx = database.beginTx()) {
                ExecutionPlanDescription plan = tx.execute("EXPLAIN " + GraphSessions.keepPlan(cypher), batchSized(cypher))
                        .getExecutionPlanDescription();
                if (plan.toString().contains("Eager")) {
                    eager.add(name + "\n" + plan);
                }
            }
        });
        assertThat(eager).as("per-row load statements with an Eager operator").isEmpty();
    }

    private static void assertNoScans(GraphDatabaseService database) throws IllegalAccessException {
        Map<String, String> statements = writeStatements(GraphLoader.class, LinkStore.class, DocumentCatalog.class);
        assertThat(statements).hasSizeGreaterThan(15);
        List<String> scanning = new ArrayList<>();
        statements.forEach((name, cypher) -> {
            try (Transaction tx = database.beginTx()) {
                ExecutionPlanDescription plan = tx.execute("EXPLAIN " + GraphSessions.keepPlan(cypher), batchSized(cypher))
                        .getExecutionPlanDescription();
                List<String> scans = new ArrayList<>();
                collectScans(plan, scans);
                if (!scans.isEmpty()) {
                    scanning.add(name + " " + scans + "\n" + plan);
                }
            }
        });
        assertThat(scanning).as("write statements whose plan scans").isEmpty();
    }

    /**
     * Every parameter of the statement as a list of a batch's size: the planner estimates from the size
     * of a list parameter, and a plan cached for 100 keys on an empty database is not the one for 1.
     */
    private static Map<String, Object> batchSized(String cypher) {
        Map<String, Object> parameters = new TreeMap<>();
        Matcher parameter = PARAMETER.matcher(cypher);
        while (parameter.find()) {
            parameters.put(parameter.group(1), IntStream.range(0, BATCH).mapToObj(i -> Map.of("key", "key " + i)).toList());
        }
        return parameters;
    }

    private static void collectScans(ExecutionPlanDescription plan, List<String> scans) {
        if (SCAN.matcher(plan.getName()).find()) {
            scans.add(plan.getName() + " " + plan.getIdentifiers());
        }
        plan.getChildren().forEach(child -> collectScans(child, scans));
    }

    private static Map<String, String> writeStatements(Class<?>... owners) throws IllegalAccessException {
        Map<String, String> statements = new TreeMap<>();
        for (Class<?> owner : owners) {
            for (Field field : owner.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String cypher = (String) field.get(null);
                    if (cypher != null && cypher.contains("MATCH") | cypher.contains("MERGE")
                            && WRITES.matcher(cypher).find()) {
                        statements.put(owner.getSimpleName() + "." + field.getName(), cypher);
                    }
                }
            }
        }
        return statements;
    }
}
