package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;

/** The embedded server on its own, without Spring. */
class EmbeddedNeo4jTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseToListenBeyondLoopbackWithoutAPassword() {
        Path home = dir.resolve("neo4j");
        assertThatThrownBy(() -> EmbeddedNeo4j.start(home, "0.0.0.0:0", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("policygraph.embedded.password");
        assertThatThrownBy(() -> EmbeddedNeo4j.start(home, "0.0.0.0:0", " "))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(home)).isFalse();
    }

    @Test
    void shouldTellLoopbackFromOtherAddresses() {
        assertThat(EmbeddedNeo4j.isLoopback("127.0.0.1")).isTrue();
        assertThat(EmbeddedNeo4j.isLoopback("localhost")).isTrue();
        assertThat(EmbeddedNeo4j.isLoopback("::1")).isTrue();
        assertThat(EmbeddedNeo4j.isLoopback("0.0.0.0")).isFalse();
        assertThat(EmbeddedNeo4j.parseAddress("[::1]:7687").getHostname()).isEqualTo("::1");
        assertThatThrownBy(() -> EmbeddedNeo4j.parseAddress("localhost"))
                .hasMessageContaining("host:port");
    }

    @Test
    void shouldRequireThePasswordOnceOneIsSetAcrossRestarts() {
        Path home = dir.resolve("neo4j");
        String password = "policy-graph-test";
        for (int start = 0; start < 2; start++) {
            try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, "127.0.0.1:0", password)) {
                assertThatThrownBy(() -> returnOne(neo4j, AuthTokens.none()))
                        .isInstanceOf(AuthenticationException.class);
                assertThatThrownBy(() -> returnOne(neo4j, AuthTokens.basic("neo4j", "wrong-password")))
                        .isInstanceOf(AuthenticationException.class);
                assertThat(returnOne(neo4j, AuthTokens.basic("neo4j", password))).isEqualTo(1);
                assertThat(returnOne(neo4j, neo4j.authToken())).isEqualTo(1);
            }
        }
    }

    private static int returnOne(EmbeddedNeo4j neo4j, AuthToken auth) {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), auth, Config.builder().withoutEncryption().build());
             Session session = driver.session()) {
            return session.run("RETURN 1 AS one").single().get("one").asInt();
        }
    }
}
