package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

/**
 * The guard as a unit: parsed documents, and the interceptor with a chain that records whether
 * execution was reached (the schema's own mutations over HTTP: CorpusEndpointTests).
 */
class MutationGuardTests {

    static final String TOKEN = "s3cret";
    static final int CACHE_SIZE = 10;

    @Test
    void shouldTellMutationsFromQueries() {
        assertThat(MutationGuard.isMutation("mutation { addDocument(x: 1) { key } }", null)).isTrue();
        assertThat(MutationGuard.isMutation("mutation Add { a }", "Add")).isTrue();
        assertThat(MutationGuard.isMutation("{ tasks { totalCount } }", null)).isFalse();
        assertThat(MutationGuard.isMutation("query Q { a } mutation M { b }", "Q")).isFalse();
        assertThat(MutationGuard.isMutation("query Q { a } mutation M { b }", "M")).isTrue();
        assertThat(MutationGuard.isMutation("query Q { a } mutation M { b }", null)).isTrue();
        assertThat(MutationGuard.isMutation("subscription { a }", null)).isFalse();
        assertThat(MutationGuard.isMutation("mutation {", null)).isFalse(); // GraphQL itself refuses it
    }

    @Test
    void shouldRefuseAMutationWithoutTheToken() {
        assertRefused(new MutationGuard(new BearerToken(TOKEN), CACHE_SIZE), null, ErrorType.UNAUTHORIZED, "bearer token is required");
        assertRefused(new MutationGuard(new BearerToken(TOKEN), CACHE_SIZE), "Bearer nope", ErrorType.UNAUTHORIZED, "not valid");
        assertRefused(new MutationGuard(new BearerToken((String) null), CACHE_SIZE), "Bearer " + TOKEN, ErrorType.FORBIDDEN,
                "no policygraph.security.token");
    }

    @Test
    void shouldLetAMutationWithTheTokenAndEveryQueryThrough() {
        assertPassed(new MutationGuard(new BearerToken(TOKEN), CACHE_SIZE), "mutation { a }", "Bearer " + TOKEN);
        assertPassed(new MutationGuard(new BearerToken(TOKEN), CACHE_SIZE), "{ tasks { totalCount } }", null);
        assertPassed(new MutationGuard(new BearerToken((String) null), CACHE_SIZE), "{ tasks { totalCount } }", null);
    }

    /** The guard remembers which documents are mutations, never whether a request had the token. */
    @Test
    void shouldCheckTheTokenOfEveryRequestForARememberedMutation() {
        MutationGuard guard = new MutationGuard(new BearerToken(TOKEN), CACHE_SIZE);
        assertPassed(guard, "mutation { a }", "Bearer " + TOKEN);
        assertRefused(guard, null, ErrorType.UNAUTHORIZED, "bearer token is required");
        assertRefused(guard, "Bearer nope", ErrorType.UNAUTHORIZED, "not valid");
        assertPassed(guard, "mutation { a }", "Bearer " + TOKEN);
    }

    static void assertRefused(MutationGuard guard, String authorization, ErrorType type, String message) {
        AtomicBoolean executed = new AtomicBoolean();
        WebGraphQlResponse response = guard.intercept(request("mutation { a }", authorization), chain(executed)).block();
        assertThat(executed).isFalse();
        List<ResponseError> errors = response.getErrors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getErrorType()).isEqualTo(type);
        assertThat(errors.get(0).getMessage()).startsWith("mutation refused: ").contains(message);
        assertThat((Object) response.getData()).isNull();
    }

    static void assertPassed(MutationGuard guard, String document, String authorization) {
        AtomicBoolean executed = new AtomicBoolean();
        guard.intercept(request(document, authorization), chain(executed)).block();
        assertThat(executed).isTrue();
    }

    static WebGraphQlRequest request(String document, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers, new LinkedMultiValueMap<>(),
                null, Map.of(), Map.of("query", document), "1", Locale.ROOT);
    }

    /** A chain standing for execution: records that it ran and answers with empty data. */
    static WebGraphQlInterceptor.Chain chain(AtomicBoolean executed) {
        return request -> {
            executed.set(true);
            return Mono.just(new WebGraphQlResponse(new org.springframework.graphql.support.DefaultExecutionGraphQlResponse(
                    request.toExecutionInput(), graphql.ExecutionResult.newExecutionResult().data(Map.of()).build())));
        };
    }
}
