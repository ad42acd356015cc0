package org.policygraph.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of the API tests: the whole application over real HTTP on a free port,
 * with its own embedded Neo4j (data dir under target/test-neo4j/, free Bolt port). The graph is
 * the real sample graph: the application's sample ingest extracts the two bundled samples with
 * the real extractor into the empty database at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(StatementCounter.Configuration.class)
public abstract class ApiTestSupport {

    static final Path DATA_DIR = Path.of("target", "test-neo4j", "api-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("policygraph.mode", () -> "embedded");
        registry.add("policygraph.embedded.data-dir", DATA_DIR::toString);
        registry.add("policygraph.embedded.bolt-address", () -> "127.0.0.1:0");
        registry.add("policygraph.ingest.samples-on-empty", () -> "true");
    }

    /** Generous: the first requests of a fresh JVM compile the Cypher plans. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    /** Room for the vendored GraphiQL bundle (about 1 MB). */
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    protected HttpGraphQlTester graphQlTester;

    WebTestClient webTestClient;

    @Autowired
    void clients(WebTestClient client, @LocalServerPort int port) {
        webTestClient = client.mutate().responseTimeout(RESPONSE_TIMEOUT)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES)).build();
        // A client of its own: the auto-configured one resolves URIs against the server root, ignoring a base URL.
        graphQlTester = HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port + "/graphql").responseTimeout(RESPONSE_TIMEOUT).build());
    }

    @Autowired
    StatementCounter statements;
}
