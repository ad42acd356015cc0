package org.policygraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.neo4j.driver.Session;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.ExtractionJson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context with a real embedded Neo4j (temp data dir under target/, free Bolt port),
 * shared by every test class that extends this one. No sample auto-ingest: tests load gold JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class EmbeddedGraphTestSupport {

    static final Path DATA_DIR = Path.of("target", "test-neo4j", UUID.randomUUID().toString()).toAbsolutePath();
    public static final String BAIYIN = "baiyin-2021-shizhengbanfa-100";
    public static final String GANSU = "gansu-2022-ganzhengbanfa-84";
    /** Neo4j's status code for a write that breaks a uniqueness constraint, over Bolt and in process. */
    public static final String CONSTRAINT_VIOLATED = "Neo.ClientError.Schema.ConstraintValidationFailed";

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("policygraph.mode", () -> "embedded");
        registry.add("policygraph.embedded.data-dir", DATA_DIR::toString);
        registry.add("policygraph.embedded.bolt-address", () -> "127.0.0.1:0");
        registry.add("policygraph.ingest.samples-on-empty", () -> "false");
    }

    @Autowired
    protected GraphSessions sessions;

    @Autowired
    protected GraphLoader loader;

    /**
     * ExtractionJson's mapper, tolerating absent primitives: the gold files leave out {@code truncated}
     * (and spans), which Jackson 3 otherwise refuses for a primitive record component.
     */
    private static final JsonMapper GOLD = ExtractionJson.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public static Extraction gold(String name) {
        try {
            return GOLD.readValue(Files.readString(
                    Path.of("src", "test", "resources", "gold", name + ".json"), StandardCharsets.UTF_8),
                    Extraction.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes everything but the reference regions. */
    protected void clearDocuments() {
        try (Session session = sessions.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (n) WHERE NOT n:Region DETACH DELETE n").consume());
            session.executeWriteWithoutResult(tx -> tx.run(
                    "MATCH (r:Region) WHERE r.level IS NULL DETACH DELETE r").consume());
        }
    }

    protected long count(String cypher) {
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
        }
    }

    /** Node counts per label and relationship counts per type. */
    protected Map<String, Long> counts() {
        try (Session session = sessions.session()) {
            Map<String, Long> counts = new TreeMap<>();
            session.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
                    .forEachRemaining(r -> counts.put(r.get("label").asString(), r.get("n").asLong()));
            session.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
                    .forEachRemaining(r -> counts.put("rel:" + r.get("type").asString(), r.get("n").asLong()));
            counts.put("nodes", session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong());
            counts.put("relationships", session.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong());
            return counts;
        }
    }

}
