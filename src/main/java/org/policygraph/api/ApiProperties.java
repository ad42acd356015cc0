package org.policygraph.api;

import java.time.Duration;
import java.util.List;
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
 * @param departmentLevelPrefixes name prefixes stripped to get a department's function (国家, 省, 市 ...)
 */
@ConfigurationProperties("policygraph.graphql")
record ApiProperties(int maxDepth, int maxComplexity, int maxPageSize, int defaultPageSize, Duration queryTimeout,
        int parsedQueryCacheSize, List<String> departmentLevelPrefixes) {}
