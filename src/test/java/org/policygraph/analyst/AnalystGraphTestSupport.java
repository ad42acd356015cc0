package org.policygraph.analyst;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every analyst test: the web server on a random port, a real embedded
 * Neo4j in its own data directory with Bolt on a free loopback port, and the real sample graph,
 * built at start by the application's own sample ingest (the bundled samples, extracted by
 * PolicyExtractor and loaded by GraphLoader). Tests only read from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AnalystGraphTestSupport {

    static final Path DATA_DIR = Path.of("target", "test-neo4j", UUID.randomUUID().toString()).toAbsolutePath();
    /** Short enough to keep the runaway-query tests fast, long enough for every saved query. */
    static final String TEST_TIMEOUT = "3s";

    @DynamicPropertySource
    static void sampleGraph(DynamicPropertyRegistry registry) {
        registry.add("policygraph.mode", () -> "embedded");
        registry.add("policygraph.embedded.data-dir", DATA_DIR::toString);
        registry.add("policygraph.embedded.bolt-address", () -> "127.0.0.1:0");
        registry.add("policygraph.ingest.samples-on-empty", () -> "true");
        registry.add("policygraph.analyst.timeout", () -> TEST_TIMEOUT);
    }
}
