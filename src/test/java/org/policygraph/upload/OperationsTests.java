package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.policygraph.corpus.DocumentIngester;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Actuator probes with the database in readiness, GraphQL and ingest metrics, one log line per document. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTests extends UploadTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int CONNECT_WITHIN_MILLIS = 5000;

    @Autowired
    DocumentIngester ingester;

    JsonNode get(String path) {
        return JSON.readTree(http.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** Like Bolt, HTTP listens on loopback unless server.address says otherwise. */
    @Test
    void shouldListenOnLoopbackOnly() throws Exception {
        InetAddress beyondLoopback = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst().orElse(null);
        assumeTrue(beyondLoopback != null, "this machine has no address beyond loopback");
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(beyondLoopback, port), CONNECT_WITHIN_MILLIS))
                    .as("HTTP reachable at %s", beyondLoopback).isInstanceOf(ConnectException.class);
        }
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    /** The GraphQL endpoint answers POST only; docs/api.md says so (GET used to be promised and answered 405). */
    @Test
    void shouldAnswerGraphQlOverPostOnly() {
        http.get().uri("/graphql?query={q}", "{ __typename }").exchange().expectStatus().isEqualTo(405);
        assertThat(JSON.readTree(http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }")).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).at("/data/__typename").asString()).isEqualTo("Query");
    }

    @Test
    void shouldServeLivenessAndReadinessWithTheDatabase() {
        assertThat(get("/actuator/health/liveness").get("status").asString()).isEqualTo("UP");
        JsonNode readiness = get("/actuator/health/readiness");
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/neo4j/status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/readinessState/status").asString()).isEqualTo("UP");
    }

    @Test
    void shouldMeasureGraphQlRequestsAndDataFetchers() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ tasks(first: 2) { edges { node { key document { docNumber } } } } }"))
                .exchange().expectStatus().isOk();
        JsonNode requests = get("/actuator/metrics/graphql.request");
        assertThat(requests.at("/measurements/0/statistic").asString()).isEqualTo("COUNT");
        assertThat(requests.at("/measurements/0/value").asDouble()).isPositive();
        assertThat(get("/actuator/metrics/graphql.datafetcher").at("/measurements/0/value").asDouble()).isPositive();
    }

    @Test
    void shouldCountAndLogEachDocumentWithItsOutcome(CapturedOutput output) {
        // The two samples were loaded at start by the same ingester.
        assertThat(get("/actuator/metrics/policygraph.ingest.documents?tag=outcome:loaded")
                .at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(2);
        double failedBefore = failed();
        ingester.ingest("nothing.txt", new byte[0]);
        ingester.ingest("again.txt", SampleDocuments.text(SampleDocuments.GANSU).getBytes(StandardCharsets.UTF_8));
        assertThat(failed()).isEqualTo(failedBefore + 1);
        assertThat(get("/actuator/metrics/policygraph.ingest.documents?tag=outcome:duplicate")
                .at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(output.getOut()).containsPattern("INFO .*DocumentIngester +: ingest file=nothing.txt outcome=failed ms=\\d+ error=empty file")
                .containsPattern("ingest file=again.txt outcome=duplicate key=" + GANSU_KEY.replace("〔", "\\〔") + " tasks=0 ms=\\d+");
    }

    double failed() {
        return http.get().uri("/actuator/metrics/policygraph.ingest.documents?tag=outcome:failed").exchange()
                .returnResult(String.class).getStatus().value() == 404 ? 0
                : get("/actuator/metrics/policygraph.ingest.documents?tag=outcome:failed").at("/measurements/0/value").asDouble();
    }
}
