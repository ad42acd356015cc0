package org.policygraph.api.support;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import java.util.List;
import java.util.Map;
import org.policygraph.graph.query.ApiProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * Depth and complexity limits, checked before anything runs. A refused query gets one error
 * classified BAD_REQUEST whose extension {@code limit} names the property to raise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class QueryLimits {

    private static final String INTROSPECTION_PREFIX = "__";

    /**
     * Depth of queries of the data. An operation that only introspects the schema is left to
     * graphql-java's good-faith introspection check (on by default: each of __Type.fields, inputFields,
     * interfaces, possibleTypes and __Field.args at most once, at most 500 fields and 20 levels), since
     * GraphiQL's own introspection query nests __Type.ofType nine times, 15 levels in all.
     */
    @Bean
    MaxQueryDepthInstrumentation maxQueryDepthInstrumentation(ApiProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxDepth()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                if (introspectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
                    return SimpleInstrumentationContext.noOp();
                }
                return super.beginExecuteOperation(parameters, state);
            }

            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refused("max-depth", "the query is " + depth + " levels deep; at most " + maxDepth
                        + " are allowed (policygraph.graphql.max-depth)");
            }
        };
    }

    /** Whether every top-level selection is an introspection field ({@code __schema}, {@code __type}, {@code __typename}). */
    static boolean introspectionOnly(OperationDefinition operation) {
        List<Selection> selections = operation.getSelectionSet().getSelections();
        return !selections.isEmpty() && selections.stream()
                .allMatch(s -> s instanceof Field field && field.getName().startsWith(INTROSPECTION_PREFIX));
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexityInstrumentation(ApiProperties properties) {
        return new MaxQueryComplexityInstrumentation(properties.maxComplexity(),
                pageWeighted(properties.defaultPageSize())) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return refused("max-complexity", "the query's complexity is " + complexity + "; at most "
                        + maxComplexity + " is allowed (policygraph.graphql.max-complexity)");
            }
        };
    }

    /** A field costs 1 plus its selections, times the page size on a connection. */
    static FieldComplexityCalculator pageWeighted(int defaultPageSize) {
        return (env, childComplexity) -> {
            if (!env.getFieldDefinition().getArguments().stream().anyMatch(a -> a.getName().equals("first"))) {
                return 1 + childComplexity;
            }
            Object first = env.getArguments().get("first");
            int pageSize = first instanceof Integer size ? Math.max(size, 1) : defaultPageSize;
            return 1 + childComplexity * pageSize;
        };
    }

    static AbortExecutionException refused(String limit, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(Map.of("limit", limit))
                .build()));
    }
}
