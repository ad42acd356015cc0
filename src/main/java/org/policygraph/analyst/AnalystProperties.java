package org.policygraph.analyst;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code policygraph.analyst.*} settings of ad hoc Cypher (endpoint and CLI); application.yml
 * documents each one.
 *
 * @param timeout longest a query may run; the database terminates its transaction after this
 * @param maxRows most rows returned; reading stops there and the result says {@code truncated}
 */
@ConfigurationProperties("policygraph.analyst")
record AnalystProperties(Duration timeout, Integer maxRows) {

    AnalystProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxRows = maxRows == null ? 1000 : maxRows;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("policygraph.analyst.timeout must be positive, not " + timeout);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("policygraph.analyst.max-rows must be at least 1, not " + maxRows);
        }
    }
}
