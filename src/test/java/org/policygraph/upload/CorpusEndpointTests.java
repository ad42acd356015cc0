package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The corpus over real HTTP: list, original, text, delete behind the token, re-extract. */
class CorpusEndpointTests extends UploadTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldListDownloadReadDeleteAndReextractDocuments() {
        byte[] original = SampleDocuments.renumbered(SampleDocuments.BAIYIN, 9401).getBytes(StandardCharsets.UTF_8);
        String key = SampleDocuments.key(SampleDocuments.BAIYIN, 9401);
        uploadWithToken(part("baiyin-9401.txt", original)).expectStatus().isOk();

        JsonNode documents = JSON.readTree(http.get().uri("/api/documents").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).get("documents");
        JsonNode entry = null;
        for (JsonNode document : documents) {
            if (document.get("key").asString().equals(key)) {
                entry = document;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("tasks").asInt()).isEqualTo(26);
        assertThat(entry.get("format").asString()).isEqualTo("TEXT");
        assertThat(entry.get("sourceName").asString()).isEqualTo("baiyin-9401.txt");

        assertThat(http.get().uri(b -> b.path("/api/documents/original").queryParam("key", key).build()).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody()).isEqualTo(original);
        String passage = http.get().uri(b -> b.path("/api/documents/text").queryParam("key", key)
                        .queryParam("start", 0).queryParam("end", 4).build())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(passage).isEqualTo(new String(original, StandardCharsets.UTF_8).substring(0, 4));

        http.post().uri("/api/documents/reextract").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .bodyValue(Map.of("keys", List.of(key), "force", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.documents[0].outcome").isEqualTo("unchanged");

        http.delete().uri(b -> b.path("/api/documents").queryParam("key", key).build()).exchange()
                .expectStatus().isUnauthorized();
        assertThat(count("MATCH (d:Document {key: '" + key + "'}) RETURN count(d)")).isEqualTo(1);
        http.delete().uri(b -> b.path("/api/documents").queryParam("key", key).build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.keptAsStub").isEqualTo(false);
        assertThat(count("MATCH (d:Document {key: '" + key + "'}) RETURN count(d)")).isZero();
        http.delete().uri(b -> b.path("/api/documents").queryParam("key", key).build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).exchange().expectStatus().isNotFound();
        http.get().uri(b -> b.path("/api/documents/original").queryParam("key", key).build()).exchange()
                .expectStatus().isNotFound();
    }
}
