package org.policygraph.api.support;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.policygraph.graph.query.ApiException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Maps the API's refusals to GraphQL errors with a classification: BAD_REQUEST for the caller's
 * mistakes and limits (with extension {@code limit} naming the property), TIMEOUT for slow reads.
 */
@Component
class ApiErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(env).message(ex.getMessage());
        if (ex instanceof ApiException.LimitExceeded limit) {
            return error.errorType(ErrorType.BAD_REQUEST).extensions(Map.of("limit", limit.limit())).build();
        }
        if (ex instanceof ApiException.QueryTimedOut) {
            return error.errorType(ApiErrorType.TIMEOUT).build();
        }
        if (ex instanceof ApiException.BadInput) {
            return error.errorType(ErrorType.BAD_REQUEST).build();
        }
        return null;
    }
}
