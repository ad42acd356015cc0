package org.policygraph.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code policygraph.security.*}: who may write over HTTP.
 *
 * @param token bearer token required by {@code POST /api/documents} and by GraphQL mutations;
 *              blank means writes over HTTP are disabled (403). Reading is always open.
 */
@ConfigurationProperties("policygraph.security")
public record SecurityProperties(String token) {

    public SecurityProperties {
        token = token == null || token.isBlank() ? null : token.strip();
    }
}
