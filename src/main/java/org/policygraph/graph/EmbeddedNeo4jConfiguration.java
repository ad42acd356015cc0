package org.policygraph.graph;

import java.net.URI;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode: starts Neo4j in this JVM and connects the one {@link Driver} of the application to
 * its Bolt port. Boot's own Driver (built from {@code spring.neo4j.uri}) backs off because this
 * configuration defines one. The Driver takes the database as a constructor argument, so the
 * database is up before any Driver is handed out, and the Driver is closed before it shuts down.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(GraphMode.EmbeddedCondition.class)
public class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    public EmbeddedNeo4j embeddedNeo4j(PolicyGraphProperties properties) {
        PolicyGraphProperties.Embedded embedded = properties.embedded();
        return EmbeddedNeo4j.start(embedded.dataDir(), embedded.boltAddress(), embedded.password(),
                new EmbeddedNeo4j.TransactionMemory(embedded.transactionMemoryMax(), embedded.transactionMemoryTotalMax()),
                embedded.transactionLogRetention());
    }

    @Bean(destroyMethod = "close")
    public Driver neo4jDriver(EmbeddedNeo4j neo4j) {
        Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken(),
                Config.builder().withoutEncryption().build());
        driver.verifyConnectivity();
        return driver;
    }

    /**
     * The embedded database's own transaction API, through which {@link GraphSessions} reads and loads
     * when {@code policygraph.embedded.in-process} is on. {@link EmbeddedNeo4j} shuts it down.
     */
    @Bean(destroyMethod = "")
    public GraphDatabaseService inProcessDatabase(EmbeddedNeo4j neo4j) {
        return neo4j.database();
    }

    /** What Boot's Neo4j support (health, Docker Compose and Testcontainers hooks) sees as the server. */
    @Bean
    public Neo4jConnectionDetails neo4jConnectionDetails(EmbeddedNeo4j neo4j) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return neo4j.boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return neo4j.authToken();
            }
        };
    }
}
