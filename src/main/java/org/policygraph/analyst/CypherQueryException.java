package org.policygraph.analyst;

/** An ad hoc query that was refused, cut off or failed; the message is meant for the analyst. */
public class CypherQueryException extends RuntimeException {

    /** Why the query has no result. */
    public enum Reason {
        /** Not an allowed read (an administration command, a write, a procedure off the list, a text over a limit); nothing ran. */
        REJECTED,
        /** Ran longer than {@code policygraph.analyst.timeout} and was terminated. */
        TIMED_OUT,
        /** Its result (or the memory it needed) was larger than the limits allow; it was stopped. */
        TOO_LARGE,
        /** Every analyst query slot was taken ({@code policygraph.analyst.max-concurrent-queries}); nothing ran. */
        BUSY,
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
