package org.policygraph.upload;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * GraphQL writes need the same bearer token as {@code POST /api/documents}: an operation of type
 * {@code mutation} without {@code Authorization: Bearer <policygraph.security.token>} is answered with
 * one error classified UNAUTHORIZED (FORBIDDEN when the server has no token) and never executes.
 * Queries stay open. The schema has no mutation today; this guard is in place for the first one.
 */
@Component
public class MutationGuard implements WebGraphQlInterceptor {

    /** A request's document and operation name: the key of a cached verdict. */
    private record Operation(String document, String name) {}

    /**
     * Characters of document text the verdict cache may hold per entry of
     * {@code policygraph.graphql.parsed-query-cache-size}: ten times the longest research question, so
     * that a client sending huge documents evicts entries instead of growing the heap.
     */
    private static final int CACHED_CHARACTERS_PER_ENTRY = 10_000;

    private final BearerToken token;
    /** Whether each distinct document and operation name is a mutation (parsing each request: ~1.5 % of the CPU). */
    private final Cache<Operation, Boolean> mutations;

    public MutationGuard(BearerToken token,
            @Value("${policygraph.graphql.parsed-query-cache-size:1000}") int cacheSize) {
        this.token = token;
        this.mutations = Caffeine.newBuilder()
                .maximumWeight((long) Math.max(0, cacheSize) * CACHED_CHARACTERS_PER_ENTRY)
                .weigher((Operation o, Boolean verdict) -> o.document().length()
                        + (o.name() == null ? 0 : o.name().length()))
                .build();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Operation operation = new Operation(request.getDocument(), request.getOperationName());
        if (operation.document() == null
                || !mutations.get(operation, o -> isMutation(o.document(), o.name()))) {
            return chain.next(request);
        }
        BearerToken.Verdict verdict = token.check(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (verdict == BearerToken.Verdict.ALLOWED) {
            return chain.next(request);
        }
        ExecutionResult refused = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message("mutation refused: " + verdict.message)
                        .errorType(verdict == BearerToken.Verdict.DISABLED ? ErrorType.FORBIDDEN : ErrorType.UNAUTHORIZED)
                        .extensions(Map.of("reason", verdict.name()))
                        .build())
                .build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
    }

    /**
     * Whether the operation that would run is a mutation: the named one, or the only one. A document
     * that does not parse, or names an operation it lacks, is left to GraphQL to refuse (nothing runs).
     */
    public static boolean isMutation(String document, String operationName) {
        if (document == null || document.isBlank()) {
            return false;
        }
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
        for (OperationDefinition operation : operations) {
            boolean selected = operationName == null || operationName.isBlank()
                    ? operations.size() == 1
                    : operationName.equals(operation.getName());
            if (selected) {
                return operation.getOperation() == OperationDefinition.Operation.MUTATION;
            }
        }
        // Several operations and no name: GraphQL refuses to pick one; be safe if any is a mutation.
        return operations.stream().anyMatch(o -> o.getOperation() == OperationDefinition.Operation.MUTATION);
    }
}
