package org.policygraph.analyst;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * What one analyst query may still spend: bytes of JSON result ({@code policygraph.analyst.max-result-bytes})
 * and time ({@code policygraph.analyst.timeout}, counted from the request's start). Values are charged
 * as they are read and converted, so a result is stopped as soon as it is too large or too late,
 * not after it has been built in memory.
 */
final class ResultBudget {

    private static final long NANOS_PER_MILLI = 1_000_000;

    private final DataSize maxBytes;
    private final Duration timeout;
    private final long deadline;
    private long used;

    ResultBudget(DataSize maxBytes, Duration timeout, long startedNanos) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.deadline = startedNanos + timeout.toNanos();
    }

    /** Counts {@code bytes} more of result; refuses the query when it is over either limit. */
    void charge(long bytes) {
        used += bytes;
        if (used > maxBytes.toBytes()) {
            throw tooLarge();
        }
        if (System.nanoTime() - deadline > 0) {
            throw timedOut(timeout, null);
        }
    }

    long used() {
        return used;
    }

    /** Time left for the database's transaction, at least one millisecond. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(NANOS_PER_MILLI, deadline - System.nanoTime()));
    }

    private CypherQueryException tooLarge() {
        return new CypherQueryException(CypherQueryException.Reason.TOO_LARGE,
                "the result is larger than " + maxBytes.toBytes() + " bytes of JSON (policygraph.analyst.max-result-bytes)"
                        + " and was stopped; return fewer rows (LIMIT) or smaller values (properties instead of whole"
                        + " nodes, size(list) instead of the list)", null);
    }

    static CypherQueryException timedOut(Duration timeout, Throwable cause) {
        return new CypherQueryException(CypherQueryException.Reason.TIMED_OUT,
                "the query ran longer than " + timeout.toMillis() + " ms (policygraph.analyst.timeout, reading its"
                        + " result included) and was stopped; narrow it down (labels, LIMIT, fewer unbounded patterns)",
                cause);
    }

    /** Bytes of {@code text} as a JSON string: quotes, escapes and UTF-8. */
    static long jsonString(CharSequence text) {
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                bytes += 6; // backslash, u and four hex digits
            } else if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                bytes += 2; // a surrogate pair is 4 bytes in UTF-8, 2 per half
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
