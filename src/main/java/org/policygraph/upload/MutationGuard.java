package org.policygraph.upload;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
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

    private final BearerToken token;

    public MutationGuard(BearerToken token) {
        this.token = token;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!isMutation(request.getDocument(), request.getOperationName())) {
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
