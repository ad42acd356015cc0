package org.policygraph.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the parsed and validated document of each distinct query text, so that the questions a client
 * repeats with new variables skip parsing and validation. Documents with errors are not kept.
 */
@Configuration(proxyBeanMethods = false)
class ParsedQueryCache {

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentProvider(ApiProperties properties) {
        if (properties.parsedQueryCacheSize() <= 0) {
            return builder -> {};
        }
        Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
                .maximumSize(properties.parsedQueryCacheSize()).build();
        PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                    Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                PreparsedDocumentEntry cached = documents.getIfPresent(input.getQuery());
                if (cached != null) {
                    return CompletableFuture.completedFuture(cached);
                }
                PreparsedDocumentEntry entry = parseAndValidate.apply(input);
                if (!entry.hasErrors()) {
                    documents.put(input.getQuery(), entry);
                }
                return CompletableFuture.completedFuture(entry);
            }
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }
}
