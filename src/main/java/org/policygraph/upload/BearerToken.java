package org.policygraph.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Checks an {@code Authorization: Bearer …} header against {@code policygraph.security.token}. */
@Component
@EnableConfigurationProperties(SecurityProperties.class)
public class BearerToken {

    /** What a request may do, and the message it gets when it may not. */
    public enum Verdict {
        ALLOWED(null),
        DISABLED("writes over HTTP are disabled: the server has no policygraph.security.token"),
        MISSING("a bearer token is required: send 'Authorization: Bearer <policygraph.security.token>'"),
        INVALID("the bearer token is not valid");

        public final String message;

        Verdict(String message) {
            this.message = message;
        }
    }

    private final byte[] expected;

    @Autowired
    public BearerToken(SecurityProperties properties) {
        this(properties.token());
    }

    public BearerToken(String token) {
        this.expected = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    public boolean configured() {
        return expected != null;
    }

    /** The verdict for the value of an Authorization header (null when the header is absent). */
    public Verdict check(String authorization) {
        if (expected == null) {
            return Verdict.DISABLED;
        }
        if (authorization == null || authorization.isBlank()) {
            return Verdict.MISSING;
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.MISSING;
        }
        byte[] given = value.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        // Constant time: the comparison does not reveal how much of the token was right.
        return MessageDigest.isEqual(expected, given) ? Verdict.ALLOWED : Verdict.INVALID;
    }
}
