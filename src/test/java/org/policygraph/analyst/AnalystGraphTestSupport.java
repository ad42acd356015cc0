package org.policygraph.analyst;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    static final String TRANSACTION_MEMORY_MAX = "64MB";
    /** How long a test waits for any answer: far beyond every limit under test, so a hang fails instead of blocking. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(150);
    private static final JsonMapper HTTP_JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void sampleGraph(DynamicPropertyRegistry registry) {
        registry.add("policygraph.mode", () -> "embedded");
        registry.add("policygraph.embedded.data-dir", DATA_DIR::toString);
        registry.add("policygraph.embedded.bolt-address", () -> "127.0.0.1:0");
        registry.add("policygraph.ingest.samples-on-empty", () -> "true");
        registry.add("policygraph.analyst.timeout", () -> TEST_TIMEOUT);
        // A quarter of the default, so that a query over it is stopped well within TEST_TIMEOUT on a busy machine.
        registry.add("policygraph.embedded.transaction-memory-max", () -> TRANSACTION_MEMORY_MAX);
    }

    @LocalServerPort
    int port;

    record Reply(int status, JsonNode body) {}

    record HttpText(int status, String body) {}

    /** POST /api/cypher; the JSON answer with its status. */
    Reply post(String query, Map<String, Object> parameters) {
        Map<String, Object> request = new HashMap<>();
        request.put("query", query);
        request.put("parameters", parameters);
        HttpText reply = http("POST", "/api/cypher", HTTP_JSON.writeValueAsString(request));
        return new Reply(reply.status(), HTTP_JSON.readTree(reply.body()));
    }

    long count(String query) {
        Reply reply = post(query, Map.of());
        if (reply.status() != 200) {
            throw new AssertionError(query + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body().at("/rows/0/0").asLong();
    }

    /**
     * HTTP/1.0 over a plain socket. Neither java.net.URL (HttpURLConnection, RestClient's defaults)
     * nor the JDK HttpClient works in this JVM: APOC's URLStreamHandlerProvider answers for http and
     * fails (it probes Hadoop classes whose Woodstox dependency is absent), and TLS set-up, which
     * HttpClient does even for http, goes through it too.
     */
    HttpText http(String method, String path, String jsonBody) {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.0\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Accept: application/json, text/html, */*\r\n"
                + (jsonBody == null ? "" : "Content-Type: application/json\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) ANSWER_WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            return new HttpText(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
