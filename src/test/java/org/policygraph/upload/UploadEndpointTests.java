package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.upload.SampleDocuments.BAIYIN;
import static org.policygraph.upload.SampleDocuments.GANSU;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.policygraph.corpus.DocumentIngester;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/documents over real HTTP, with and without the bearer token. */
class UploadEndpointTests extends UploadTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DocumentIngester ingester;

    byte[] doc(String sample, int number) {
        return SampleDocuments.renumbered(sample, number).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseAnUploadWithoutTheTokenWith401AndWriteNothing() {
        String before = graphSize();
        uploadWithoutAuthorization().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.error").value(e -> assertThat((String) e).contains("bearer token is required"));
        upload("Bearer wrong-" + TOKEN, part("a.txt", doc(BAIYIN, 9301))).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("the bearer token is not valid");
        upload("Basic " + TOKEN, part("a.txt", doc(BAIYIN, 9301))).expectStatus().isUnauthorized();
        assertThat(graphSize()).isEqualTo(before);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec uploadWithoutAuthorization() {
        return upload(null, part("a.txt", doc(BAIYIN, 9301)));
    }

    @Test
    void shouldLoadEachFileAndAnswerPerFile() {
        byte[] baiyin = doc(BAIYIN, 9302);
        JsonNode files = JSON.readTree(uploadWithToken(
                        part("baiyin-9302.txt", baiyin),
                        part("gansu-9302.txt", doc(GANSU, 9302)),
                        part("renamed-copy.txt", baiyin),
                        part("empty.txt", new byte[0]))
                .expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("files");
        assertThat(files).hasSize(4);
        assertThat(files.get(0).toString()).isEqualTo("{\"file\":\"baiyin-9302.txt\",\"outcome\":\"loaded\","
                + "\"documentKey\":\"市政办发〔2021〕9302号\",\"tasks\":26,\"warnings\":[],\"error\":null}");
        assertThat(files.get(1).get("outcome").asString()).isEqualTo("loaded");
        assertThat(files.get(1).get("tasks").asInt()).isEqualTo(23);
        assertThat(files.get(2).get("outcome").asString()).isEqualTo("duplicate");
        assertThat(files.get(2).get("documentKey").asString()).isEqualTo("市政办发〔2021〕9302号");
        assertThat(files.get(3).get("outcome").asString()).isEqualTo("failed");
        assertThat(files.get(3).get("error").asString()).isEqualTo("empty file");
        assertThat(count("MATCH (:Document {key: '市政办发〔2021〕9302号'})-[:HAS_TASK]->(t) RETURN count(t)")).isEqualTo(26);
    }

    @Test
    void shouldAskForAFilePart() {
        http.post().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData("other", "x"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(e -> assertThat((String) e).contains("no 'file' part"));
        http.post().uri("/api/documents").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldKeepReadingOpenWithoutAToken() {
        http.post().uri("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ document(key: \\\"" + BAIYIN_KEY + "\\\") { docNumber } }\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.document.docNumber").isEqualTo(BAIYIN_KEY);
    }

    @Test
    void shouldDisableUploadsWith403WhenNoTokenIsConfigured() throws Exception {
        MockMvc server = MockMvcBuilders.standaloneSetup(new UploadController(ingester, new BearerToken((String) null)))
                .build();
        String before = graphSize();
        server.perform(multipart("/api/documents").file(new MockMultipartFile("file", "a.txt", "text/plain", doc(BAIYIN, 9303)))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer anything"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(
                        "writes over HTTP are disabled: the server has no policygraph.security.token"));
        assertThat(graphSize()).isEqualTo(before);
    }
}
