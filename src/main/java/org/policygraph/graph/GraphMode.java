package org.policygraph.graph;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Where the graph lives. {@code policygraph.mode} decides when set; otherwise the mode is
 * {@link #EXTERNAL} when {@code spring.neo4j.uri} is set and {@link #EMBEDDED} when it is not.
 */
public enum GraphMode {
    EMBEDDED, EXTERNAL;

    public static GraphMode of(Environment env) {
        String mode = env.getProperty("policygraph.mode");
        if (mode != null && !mode.isBlank()) {
            try {
                return valueOf(mode.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "policygraph.mode must be 'embedded' or 'external', not '" + mode + "'");
            }
        }
        String uri = env.getProperty("spring.neo4j.uri");
        return uri == null || uri.isBlank() ? EMBEDDED : EXTERNAL;
    }

    /** Matches when the application runs its own in-process database. */
    public static final class EmbeddedCondition implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context.getEnvironment()) == EMBEDDED;
        }
    }
}
