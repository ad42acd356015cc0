package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
        http.get().uri(b -> b.path("/api/documents/text").queryParam("key", key)
                        .queryParam("start", 4).queryParam("end", 2).build())
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").isEqualTo("start and end must satisfy 0 <= start <= end");

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

    @Test
    void shouldReadTheCorpusAndWriteItThroughGraphQlBehindTheToken() {
        byte[] original = SampleDocuments.renumbered(SampleDocuments.GANSU, 9402).getBytes(StandardCharsets.UTF_8);
        String key = SampleDocuments.key(SampleDocuments.GANSU, 9402);
        uploadWithToken(part("gansu-9402.txt", original)).expectStatus().isOk();

        JsonNode document = graphQl(null, "{ document(key: \"" + key + "\") { format extractorVersion loadedAt contentHash"
                + " text(start: 0, end: 4) } }").get("data").get("document");
        assertThat(document.get("format").asString()).isEqualTo("TEXT");
        assertThat(document.get("extractorVersion").asString()).isNotBlank();
        assertThat(document.get("loadedAt").asString()).isNotBlank();
        assertThat(document.get("text").asString()).isEqualTo(new String(original, StandardCharsets.UTF_8).substring(0, 4));
        JsonNode backwards = graphQl(null, "{ document(key: \"" + key + "\") { text(start: 4, end: 2) } }");
        assertThat(backwards.get("errors").get(0).get("message").asString()).contains("0 <= start <= end");
        assertThat(backwards.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(backwards.get("data").get("document").get("text").isNull()).isTrue();

        String delete = "mutation { deleteDocument(key: \"" + key + "\") { found keptAsStub relinked } }";
        JsonNode refused = graphQl(null, delete);
        assertThat(refused.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(count("MATCH (d:Document {key: '" + key + "'}) RETURN count(d)")).isEqualTo(1);

        JsonNode deleted = graphQl("Bearer " + TOKEN, delete).get("data").get("deleteDocument");
        assertThat(deleted.get("found").asBoolean()).isTrue();
        assertThat(count("MATCH (d:Document {key: '" + key + "'}) RETURN count(d)")).isZero();
        assertThat(graphQl("Bearer " + TOKEN, "mutation { reextractDocuments(keys: [\"" + key + "\"]) { outcome error } }")
                .get("data").get("reextractDocuments").get(0).get("outcome").asString()).isEqualTo("failed");
    }

    private JsonNode graphQl(String authorization, String query) {
        var request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return JSON.readTree(request.bodyValue(Map.of("query", query)).exchange().expectBody().returnResult().getResponseBody());
    }
}
