package org.policygraph.api.support;

import graphql.ErrorClassification;

/** Classifications beyond Spring's {@link org.springframework.graphql.execution.ErrorType}. */
enum ApiErrorType implements ErrorClassification {
    /** The request hit policygraph.graphql.query-timeout; retry with narrower filters or a smaller page. */
    TIMEOUT
}
