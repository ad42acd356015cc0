package org.policygraph.analyst;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code policygraph.analyst.*} settings of ad hoc Cypher (endpoint and CLI); application.yml
 * documents each one and holds the defaults used by the service. The defaults below apply only
 * where a setting is missing altogether.
 *
 * @param timeout longest a query may take, reading and converting its rows included
 * @param maxRows most rows returned; reading stops there and the result says {@code truncated}
 * @param maxResultBytes largest result (its JSON) a query may return; a larger one is refused
 * @param maxQueryLength longest query text, in characters, checked before anything else
 * @param maxNesting deepest bracket nesting of a query text, checked before it is parsed
 * @param maxSyntaxDepth deepest nesting of a query's syntax tree (operator chains count), checked after parsing
 * @param maxConcurrentQueries analyst queries that may run at once; one more is refused (429)
 * @param allowedProcedures procedures a query may call: full names or {@code namespace.*}
 * @param allowedFunctions namespaced functions a query may use: full names or {@code namespace.*}
 * @param logQueryLength characters of a query's text its log line keeps
 */
@ConfigurationProperties("policygraph.analyst")
record AnalystProperties(Duration timeout, Integer maxRows, DataSize maxResultBytes, Integer maxQueryLength,
        Integer maxNesting, Integer maxSyntaxDepth, Integer maxConcurrentQueries, List<String> allowedProcedures,
        List<String> allowedFunctions, Integer logQueryLength) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_ROWS = 1000;
    static final DataSize DEFAULT_MAX_RESULT_BYTES = DataSize.ofMegabytes(4);
    static final int DEFAULT_MAX_QUERY_LENGTH = 10_000;
    static final int DEFAULT_MAX_NESTING = 32;
    static final int DEFAULT_MAX_SYNTAX_DEPTH = 100;
    static final int DEFAULT_MAX_CONCURRENT_QUERIES = 2;
    static final int DEFAULT_LOG_QUERY_LENGTH = 200;

    AnalystProperties {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        maxRows = maxRows == null ? DEFAULT_MAX_ROWS : maxRows;
        maxResultBytes = maxResultBytes == null ? DEFAULT_MAX_RESULT_BYTES : maxResultBytes;
        maxQueryLength = maxQueryLength == null ? DEFAULT_MAX_QUERY_LENGTH : maxQueryLength;
        maxNesting = maxNesting == null ? DEFAULT_MAX_NESTING : maxNesting;
        maxSyntaxDepth = maxSyntaxDepth == null ? DEFAULT_MAX_SYNTAX_DEPTH : maxSyntaxDepth;
        maxConcurrentQueries = maxConcurrentQueries == null ? DEFAULT_MAX_CONCURRENT_QUERIES : maxConcurrentQueries;
        // Missing lists allow nothing: an allow-list fails closed.
        allowedProcedures = allowedProcedures == null ? List.of() : List.copyOf(allowedProcedures);
        allowedFunctions = allowedFunctions == null ? List.of() : List.copyOf(allowedFunctions);
        logQueryLength = logQueryLength == null ? DEFAULT_LOG_QUERY_LENGTH : logQueryLength;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("policygraph.analyst.timeout must be positive, not " + timeout);
        }
        atLeastOne("max-rows", maxRows);
        atLeastOne("max-query-length", maxQueryLength);
        atLeastOne("max-nesting", maxNesting);
        atLeastOne("max-syntax-depth", maxSyntaxDepth);
        atLeastOne("max-concurrent-queries", maxConcurrentQueries);
        atLeastOne("log-query-length", logQueryLength);
        if (maxResultBytes.toBytes() < 1) {
            throw new IllegalArgumentException("policygraph.analyst.max-result-bytes must be positive, not "
                    + maxResultBytes);
        }
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("policygraph.analyst." + name + " must be at least 1, not " + value);
        }
    }
}
