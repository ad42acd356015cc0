package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.cli.SpringCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * External mode: a Neo4j started by the test (standing in for a server) at spring.neo4j.uri; the
 * application must start no database of its own and load into that one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalModeTest {

    static final Path ROOT = Path.of("target", "test-neo4j", "external-" + UUID.randomUUID()).toAbsolutePath();
    static final Path UNUSED_EMBEDDED_DIR = ROOT.resolve("embedded-must-not-exist");
    static DatabaseManagementService server;
    static GraphDatabaseService serverDb;
    static String uri;
    static int port;

    @DynamicPropertySource
    static void externalServer(DynamicPropertyRegistry registry) {
        startServer();
        registry.add("spring.neo4j.uri", () -> uri);
        registry.add("policygraph.database", () -> "neo4j");
        registry.add("policygraph.embedded.data-dir", UNUSED_EMBEDDED_DIR::toString);
        registry.add("policygraph.ingest.samples-on-empty", () -> "false");
    }

    static synchronized void startServer() {
        if (server != null) {
            return;
        }
        server = new DatabaseManagementServiceBuilder(ROOT.resolve("server"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .build();
        serverDb = server.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        port = ((GraphDatabaseAPI) serverDb).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class).getLocalAddress(ConnectorType.BOLT).getPort();
        uri = "bolt://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.shutdown();
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    GraphLoader loader;

    @Test
    void shouldStartNoEmbeddedDatabaseAndLoadIntoTheServer() {
        assertThat(context.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
        assertThat(Files.exists(UNUSED_EMBEDDED_DIR)).isFalse();

        assertThat(serverCount("SHOW CONSTRAINTS YIELD name WHERE name = 'task_key' RETURN count(*) AS n")).isEqualTo(1);
        assertThat(serverCount("MATCH (:Region {code: '620422'})-[:PART_OF]->(:Region {code: '620400'}) RETURN count(*) AS n"))
                .isEqualTo(1);

        loader.load(EmbeddedGraphTestSupport.gold(EmbeddedGraphTestSupport.BAIYIN));
        loader.load(EmbeddedGraphTestSupport.gold(EmbeddedGraphTestSupport.BAIYIN));
        assertThat(serverCount("MATCH (:Document {key: '市政办发〔2021〕100号'})-[:HAS_TASK]->(t:Task) RETURN count(t) AS n"))
                .isEqualTo(26);
    }

    @Test
    void shouldRunTheIngestCommandAgainstTheServer() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path missing = ROOT.resolve("no-such-file.txt");
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit = SpringCommands.launch(PolicyGraphApplication.class, new String[] {"ingest", "--spring.neo4j.uri=" + uri,
                    "--policygraph.embedded.data-dir=" + UNUSED_EMBEDDED_DIR, missing.toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(missing + ": failed: cannot read")
                .doesNotContain("Sample");
        // The command never auto-ingests the bundled samples (application.yml turns that on for serving).
        assertThat(serverCount("MATCH (d:Document {key: '甘政办发〔2022〕84号'}) RETURN count(d) AS n")).isZero();
        assertThat(Files.exists(UNUSED_EMBEDDED_DIR)).isFalse();
    }

    @Autowired
    HealthEndpoint health;

    /** Last: stops the server, then starts it again on the same port and directory. */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldBeUnreadyWhileTheDatabaseIsDownAndRecoverByItself() {
        assertThat(readiness().getStatus()).isEqualTo(Status.UP);
        long tasksBefore = serverCount("MATCH (t:Task) RETURN count(t) AS n");

        server.shutdown();
        server = null;
        awaitStatus(Status.DOWN, this::readiness);
        HealthDescriptor neo4j = health.healthForPath("readiness", "neo4j");
        assertThat(neo4j.getStatus()).isEqualTo(Status.DOWN);
        assertThat(((IndicatedHealthDescriptor) neo4j).getDetails().toString()).as("a clear message")
                .containsIgnoringCase("unavailable");
        assertThat(health.healthForPath("liveness").getStatus()).as("alive all the same").isEqualTo(Status.UP);

        startServer(); // same port, same directory
        awaitStatus(Status.UP, this::readiness);
        assertThat(serverCount("MATCH (t:Task) RETURN count(t) AS n")).isEqualTo(tasksBefore);
        loader.load(EmbeddedGraphTestSupport.gold(EmbeddedGraphTestSupport.GANSU)); // the application writes again
        assertThat(serverCount("MATCH (:Document {key: '甘政办发〔2022〕84号'})-[:HAS_TASK]->(t) RETURN count(t) AS n"))
                .isEqualTo(23);
    }

    HealthDescriptor readiness() {
        return health.healthForPath("readiness");
    }

    static void awaitStatus(Status expected, Supplier<HealthDescriptor> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Status status = probe.get().getStatus();
        while (!status.equals(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = probe.get().getStatus();
        }
        assertThat(status).as("readiness within 60 s").isEqualTo(expected);
    }

    private static long serverCount(String cypher) {
        return serverDb.executeTransactionally(cypher, java.util.Map.of(),
                result -> (Long) result.next().get("n"));
    }
}
