package org.policygraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.policygraph.graph.EmbeddedNeo4j;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What cypher/README.md promises an analyst connecting from outside: a plain driver (not the
 * application's bean) reaches the embedded database over Bolt without authentication on loopback,
 * and the server itself enforces a READ session – the runner's second guard.
 */
class ReadOnlyAccessTests extends AnalystGraphTestSupport {

    @Autowired
    EmbeddedNeo4j embedded;

    Driver plainDriver() {
        return GraphDatabase.driver("bolt://127.0.0.1:" + embedded.boltPort(), AuthTokens.none(),
                Config.builder().withoutEncryption().build());
    }

    @Test
    void shouldReachTheSampleGraphFromASeparateDriver() {
        try (Driver driver = plainDriver(); Session session = driver.session()) {
            assertThat(session.run("MATCH (t:Task) RETURN count(t) AS tasks").single().get("tasks").asLong())
                    .isEqualTo(49);
        }
    }

    @Test
    void shouldRefuseWritesInAReadSessionOnTheEmbeddedServer() {
        SessionConfig read = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
        try (Driver driver = plainDriver(); Session session = driver.session(read)) {
            assertThatThrownBy(() -> session.run("CREATE (:Probe {by: 'read session'})").consume())
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("Writing in read access mode not allowed");
        }
        try (Driver driver = plainDriver(); Session session = driver.session()) {
            assertThat(session.run("MATCH (p:Probe) RETURN count(p) AS n").single().get("n").asLong()).isZero();
        }
    }
}
