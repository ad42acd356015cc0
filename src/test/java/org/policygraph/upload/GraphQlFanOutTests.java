package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL counts fields after fragments are expanded: a 1.1 KB query whose 30 fragments each spread
 * the previous one twice (2^29 fields) used to pass the depth and complexity checks and then take
 * 15 s or the heap; now it is refused before anything walks it, while GraphiQL's own (deep, fragment
 * heavy) introspection query still runs.
 */
class GraphQlFanOutTests extends UploadTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int FRAGMENTS = 30;
    /** Far above the milliseconds a refusal takes, far below the 15.8 s that 2^22 fields took. */
    static final Duration REFUSED_WITHIN = Duration.ofSeconds(5);

    /** graphql-js 16's getIntrospectionQuery() with descriptions, as the bundled GraphiQL 3.9 sends it. */
    static final String GRAPHIQL_INTROSPECTION = """
            query IntrospectionQuery {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) {
                name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
              }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type {
              kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
              kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
            }
            """;

    JsonNode graphql(String query) {
        return JSON.readTree(http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(Map.of("query", query)))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** {@code { ...F29 }} where F0 selects {@code leaf} and each further fragment spreads the previous twice. */
    static String fragmentFanOut(String onType, String leaf, String wrapperOpen, String wrapperClose) {
        StringBuilder query = new StringBuilder("query FanOut { " + wrapperOpen + "...F" + (FRAGMENTS - 1)
                + wrapperClose + " }\n");
        query.append("fragment F0 on ").append(onType).append(" { ").append(leaf).append(" }\n");
        for (int i = 1; i < FRAGMENTS; i++) {
            query.append("fragment F").append(i).append(" on ").append(onType)
                    .append(" { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }\n");
        }
        return query.toString();
    }

    void assertRefusedByFieldCount(String query, long expandedFields) {
        long started = System.nanoTime();
        JsonNode reply = graphql(query);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.get("data")).as(reply.toString()).isNull();
        assertThat(reply.at("/errors")).hasSize(1);
        assertThat(reply.at("/errors/0/extensions/limit").asString()).isEqualTo("max-fields");
        assertThat(reply.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(reply.at("/errors/0/message").asString())
                .contains(expandedFields + " fields once its fragments are expanded", "policygraph.graphql.max-fields");
        assertThat(took).isLessThan(REFUSED_WITHIN);
    }

    @Test
    void shouldRefuseAFragmentFanOutOfTypenamesBeforeExecution() {
        String query = fragmentFanOut("Query", "__typename", "", "");
        assertThat(query.length()).isLessThan(1200);
        assertRefusedByFieldCount(query, 1L << (FRAGMENTS - 1));
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        assertThat(graphql("{ tasks(first: 1) { totalCount } }").at("/data/tasks/totalCount").asInt()).isPositive();
    }

    @Test
    void shouldRefuseAFragmentFanOutOfRealFields() {
        // 2^29 keys under tasks, edges and node.
        assertRefusedByFieldCount(fragmentFanOut("Task", "key", "tasks(first: 1) { edges { node { ", " } } }"),
                (1L << (FRAGMENTS - 1)) + 3);
    }

    @Test
    void shouldStillAnswerGraphiqlsIntrospectionQuery() {
        JsonNode reply = graphql(GRAPHIQL_INTROSPECTION);
        assertThat(reply.get("errors")).as(reply.toString()).isNull();
        assertThat(reply.at("/data/__schema/queryType/name").asString()).isEqualTo("Query");
        assertThat(reply.at("/data/__schema/types").size()).isGreaterThan(20);
    }

    /** Introspection is exempt from max-depth only because graphql-java's good-faith check bounds it instead. */
    @Test
    void shouldRefuseIntrospectionThatRepeatsItselfToFanOut() {
        JsonNode reply = graphql("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");
        assertThat(reply.get("data")).as(reply.toString()).isNull();
        assertThat(reply.at("/errors/0/message").asString()).containsIgnoringCase("introspection");
    }

    @Test
    void shouldRefuseATextOverTheParserTokenLimit() {
        StringBuilder query = new StringBuilder("{ tasks(first: 1) { totalCount");
        for (int i = 0; i < 5200; i++) {
            query.append(" a: totalCount"); // 3 tokens, 14 characters: over the tokens before the characters
        }
        JsonNode reply = graphql(query.append(" } }").toString());
        assertThat(reply.get("data")).isNull();
        assertThat(reply.at("/errors/0/message").asString()).contains("More than 15,000 'grammar' tokens");
    }
}
