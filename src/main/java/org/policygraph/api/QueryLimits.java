package org.policygraph.api;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import java.util.List;
import java.util.Map;
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

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepthInstrumentation(ApiProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refused("max-depth", "the query is " + depth + " levels deep; at most " + maxDepth
                        + " are allowed (policygraph.graphql.max-depth)");
            }
        };
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
