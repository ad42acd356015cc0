package org.policygraph.api.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.policygraph.graph.query.ApiProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * What happens to a query's text before it runs: it is parsed within the parser limits
 * ({@code policygraph.graphql.max-tokens}, {@code max-whitespace-tokens}, {@code max-rule-depth},
 * {@code max-characters}), its fields are counted with every fragment expanded and it is refused
 * beyond {@code max-fields} (see {@link ExpandedFields}) – all before graphql-java validates it or
 * walks it for the depth and complexity limits, which expand fragments themselves. A document that
 * passes is kept, parsed and validated, per distinct text ({@code parsed-query-cache-size}), so that
 * a repeated question skips all of this; documents with errors are not kept.
 */
@Configuration(proxyBeanMethods = false)
class ParsedQueryCache {

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentProvider(ApiProperties properties) {
        ParserOptions parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(properties.maxTokens())
                .maxWhitespaceTokens(properties.maxWhitespaceTokens())
                .maxRuleDepth(properties.maxRuleDepth())
                .maxCharacters(properties.maxCharacters()));
        // Second line: a normalized operation (built for the selection sets the data fetchers read)
        // stops at the same number of fields.
        ExecutableNormalizedOperationFactory.Options.setDefaultOptions(
                ExecutableNormalizedOperationFactory.Options.defaultOptions().maxFieldsCount(properties.maxFields()));
        Cache<String, PreparsedDocumentEntry> documents = properties.parsedQueryCacheSize() <= 0
                ? null
                : Caffeine.newBuilder().maximumSize(properties.parsedQueryCacheSize()).build();
        PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                    Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                PreparsedDocumentEntry cached = documents == null ? null : documents.getIfPresent(input.getQuery());
                if (cached != null) {
                    return CompletableFuture.completedFuture(cached);
                }
                input.getGraphQLContext().put(ParserOptions.class, parserOptions);
                GraphQLError refusal = refusal(input.getQuery(), parserOptions, properties.maxFields());
                if (refusal != null) {
                    return CompletableFuture.completedFuture(new PreparsedDocumentEntry(refusal));
                }
                PreparsedDocumentEntry entry = parseAndValidate.apply(input);
                if (documents != null && !entry.hasErrors()) {
                    documents.put(input.getQuery(), entry);
                }
                return CompletableFuture.completedFuture(entry);
            }
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    /** Why the document may not run, or null; a document that does not parse is left to graphql-java to report. */
    static GraphQLError refusal(String query, ParserOptions parserOptions, int maxFields) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(parserOptions).build());
        } catch (InvalidSyntaxException e) {
            return null;
        }
        long fields;
        try {
            fields = ExpandedFields.of(document);
        } catch (StackOverflowError e) {
            return tooManyFields("fragments spread within each other too deeply to count its fields", maxFields);
        }
        if (fields > maxFields) {
            return tooManyFields("the query selects " + fields + " fields once its fragments are expanded", maxFields);
        }
        return null;
    }

    private static GraphQLError tooManyFields(String what, int maxFields) {
        return GraphqlErrorBuilder.newError()
                .message(what + "; at most " + maxFields + " are allowed (policygraph.graphql.max-fields)")
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(Map.of("limit", "max-fields"))
                .build();
    }
}
