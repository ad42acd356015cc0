package org.policygraph.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.neo4j.driver.Session;
import org.policygraph.graph.GraphSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The one Spring context of the hardening tests: the whole application over real HTTP on a free
 * port, its own embedded Neo4j (target/test-neo4j/harden-uuid, free Bolt port), the two bundled
 * samples ingested at start, an upload token, and a short analyst timeout for the abuse tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class UploadTestSupport {

    static final Path DATA_DIR = Path.of("target", "test-neo4j", "harden-" + UUID.randomUUID()).toAbsolutePath();
    static final String TOKEN = "test-token-" + UUID.randomUUID();
    static final String BAIYIN_KEY = "市政办发〔2021〕100号";
    static final String GANSU_KEY = "甘政办发〔2022〕84号";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("policygraph.mode", () -> "embedded");
        registry.add("policygraph.embedded.data-dir", DATA_DIR::toString);
        registry.add("policygraph.embedded.bolt-address", () -> "127.0.0.1:0");
        registry.add("policygraph.ingest.samples-on-empty", () -> "true");
        registry.add("policygraph.security.token", () -> TOKEN);
        registry.add("policygraph.analyst.timeout", () -> "6s");
    }

    WebTestClient http;

    @Autowired
    GraphSessions sessions;

    @LocalServerPort
    int port;

    @Autowired
    void client(@LocalServerPort int port) {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(120))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    record Part(String filename, byte[] content) {}

    static Part part(String filename, byte[] content) {
        return new Part(filename, content);
    }

    /** POST /api/documents with these file parts and, unless null, this Authorization header. */
    WebTestClient.ResponseSpec upload(String authorization, Part... parts) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        for (Part p : parts) {
            body.part("file", new ByteArrayResource(p.content()) {
                @Override
                public String getFilename() {
                    return p.filename();
                }
            }).contentType(MediaType.TEXT_PLAIN);
        }
        WebTestClient.RequestBodySpec request = http.post().uri("/api/documents")
                .contentType(MediaType.MULTIPART_FORM_DATA);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    WebTestClient.ResponseSpec uploadWithToken(Part... parts) {
        return upload("Bearer " + TOKEN, parts);
    }

    /** Nodes and relationships in the whole graph, as one comparable string. */
    String graphSize() {
        return count("MATCH (n) RETURN count(n)") + " nodes, " + count("MATCH ()-[r]->() RETURN count(r)") + " relationships";
    }

    long count(String cypher) {
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
        }
    }
}
