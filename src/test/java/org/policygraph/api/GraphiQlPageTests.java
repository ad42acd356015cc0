package org.policygraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class GraphiQlPageTests extends ApiTestSupport {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void shouldServeGraphiQlWithLocalAssetsOnly() {
        String page = webTestClient.get().uri("/graphiql").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("GraphiQL.createFetcher({ url: '/graphql' })").doesNotContain("http://", "https://");
        List<String> assets = ASSET.matcher(page).results().map(m -> m.group(1)).toList();
        assertThat(assets).containsExactlyInAnyOrder("/graphiql/graphiql.min.css", "/graphiql/react.production.min.js",
                "/graphiql/react-dom.production.min.js", "/graphiql/graphiql.min.js");
        for (String asset : assets) {
            byte[] body = webTestClient.get().uri(asset).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody();
            assertThat(body).as(asset).hasSizeGreaterThan(1000);
        }
    }

    @Test
    void shouldShipTheLicencesOfTheVendoredAssets() {
        for (String licence : List.of("LICENSE-graphiql.txt", "LICENSE-react.txt", "LICENSE-react-dom.txt")) {
            webTestClient.get().uri("/graphiql/" + licence).exchange().expectStatus().isOk()
                    .expectBody(String.class).value(text -> assertThat(text).contains("MIT License"));
        }
    }
}
