package org.policygraph.api;

import java.time.Duration;

/** A request the API refuses; {@link ApiErrors} turns each kind into a classified GraphQL error. */
abstract sealed class ApiException extends RuntimeException {

    ApiException(String message) {
        super(message);
    }

    /** Malformed or out-of-range input: a cursor, a page size, a search text. */
    static final class BadInput extends ApiException {
        BadInput(String message) {
            super(message);
        }
    }

    /** A configured limit that the request exceeds. */
    static final class LimitExceeded extends ApiException {
        final String limit;

        LimitExceeded(String limit, String message) {
            super(message);
            this.limit = limit;
        }
    }

    /** A database read ran longer than policygraph.graphql.query-timeout. */
    static final class QueryTimedOut extends ApiException {
        QueryTimedOut(Duration timeout) {
            super("the query took longer than " + timeout.toMillis() + " ms (policygraph.graphql.query-timeout)");
        }
    }
}
