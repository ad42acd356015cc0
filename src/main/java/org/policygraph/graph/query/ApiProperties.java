package org.policygraph.graph.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code policygraph.graphql.*} limits and settings; application.yml documents each one.
 *
 * @param maxDepth deepest selection nesting a query may have
 * @param maxComplexity largest estimated number of fields a query may resolve (list fields count their page size)
 * @param maxPageSize largest {@code first} a connection accepts
 * @param defaultPageSize page size when {@code first} is not given
 * @param queryTimeout time limit of each database read
 * @param parsedQueryCacheSize distinct query texts whose parsed and validated document is cached
 * @param maxFields most fields a query may select with its fragments expanded, checked before validation
 * @param maxTokens most parser tokens in a query text (graphql-java's ParserOptions)
 * @param maxWhitespaceTokens most white space and comment tokens in a query text
 * @param maxRuleDepth deepest grammar rule nesting the parser follows
 * @param maxCharacters longest query text, in characters
 * @param maxConcurrentRequests GraphQL requests that execute at once; the others wait
 * @param queueTimeout longest a request waits for its turn before it is refused as BUSY
 */
@ConfigurationProperties("policygraph.graphql")
public record ApiProperties(int maxDepth, int maxComplexity, int maxPageSize, int defaultPageSize, Duration queryTimeout,
        int parsedQueryCacheSize, int maxFields, int maxTokens,
        int maxWhitespaceTokens, int maxRuleDepth, int maxCharacters, int maxConcurrentRequests,
        Duration queueTimeout) {}
