package org.policygraph.analyst;

/** An ad hoc query that was refused, cut off or failed; the message is meant for the analyst. */
public class CypherQueryException extends RuntimeException {

    /** Why the query has no result. */
    public enum Reason {
        /** Not a read-only query (or it loads files); nothing ran. */
        REJECTED,
        /** Ran longer than {@code policygraph.analyst.timeout} and was terminated. */
        TIMED_OUT,
        /** The database refused it: syntax error, unknown procedure, missing parameter, ... */
        FAILED
    }

    private final Reason reason;

    CypherQueryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
