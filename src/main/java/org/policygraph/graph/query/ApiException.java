package org.policygraph.graph.query;

import java.time.Duration;

/** A request the API refuses; the API's error resolver turns each kind into a classified GraphQL error. */
public abstract sealed class ApiException extends RuntimeException {

    ApiException(String message) {
        super(message);
    }

    /** Malformed or out-of-range input: a cursor, a page size, a search text. */
    public static final class BadInput extends ApiException {
        public BadInput(String message) {
            super(message);
        }
    }

    /** A configured limit that the request exceeds. */
    public static final class LimitExceeded extends ApiException {
        private final String limit;

        public LimitExceeded(String limit, String message) {
            super(message);
            this.limit = limit;
        }

        /** The property that sets the limit, without its prefix (e.g. {@code max-page-size}). */
        public String limit() {
            return limit;
        }
    }

    /** A database read ran longer than policygraph.graphql.query-timeout. */
    public static final class QueryTimedOut extends ApiException {
        public QueryTimedOut(Duration timeout) {
            super("the query took longer than " + timeout.toMillis() + " ms (policygraph.graphql.query-timeout)");
        }
    }
}
