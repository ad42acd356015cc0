package org.policygraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.junit.jupiter.api.Test;
import org.policygraph.extract.PolicyExtractor;
import org.policygraph.graph.EmbeddedNeo4j;
import org.policygraph.graph.GraphBootstrap;
import org.policygraph.graph.GraphLoader;
import org.policygraph.graph.GraphSessions;

/**
 * Stop and start on the same data directory, as the application does at start (schema and regions
 * applied again, sample ingest only on an empty graph): the graph is intact, the samples are not
 * ingested again. Without Spring: the same beans, wired by hand.
 */
class RestartOnExistingDataTest {

    static final Path DATA_DIR = Path.of("target", "test-neo4j", "restart-" + UUID.randomUUID()).toAbsolutePath();
    static final String SIZE = "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() WITH nodes, count(r) AS rels RETURN toString(nodes) + ':' + toString(rels)";

    record Run(int samplesLoaded, String size, long tasks) {}

    Run start() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(DATA_DIR, "127.0.0.1:0", null);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken(), Config.builder().withoutEncryption().build())) {
            GraphSessions sessions = new GraphSessions(driver, null);
            GraphBootstrap bootstrap = new GraphBootstrap(sessions);
            bootstrap.afterPropertiesSet();
            GraphLoader loader = new GraphLoader(sessions, bootstrap, event -> { });
            SampleIngest samples = new SampleIngest(loader, new DocumentIngester(loader, PolicyExtractor::new));
            int loaded = samples.ingestIfEmpty();
            try (Session session = sessions.session()) {
                String size = session.run(SIZE).single().get(0).asString();
                long tasks = session.run("MATCH (:Document {stub: false})-[:HAS_TASK]->(t:Task) RETURN count(t)").single().get(0).asLong();
                return new Run(loaded, size, tasks);
            }
        }
    }

    @Test
    void shouldKeepTheGraphAndNotIngestTheSamplesAgain() {
        Run first = start();
        assertThat(first.samplesLoaded()).isEqualTo(2);
        assertThat(first.tasks()).isEqualTo(49);

        Run second = start();
        assertThat(second.samplesLoaded()).as("samples are not re-ingested on an existing graph").isZero();
        assertThat(second.size()).as("nodes:relationships").isEqualTo(first.size());
        assertThat(second.tasks()).isEqualTo(49);
    }
}
