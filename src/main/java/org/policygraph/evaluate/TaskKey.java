package org.policygraph.evaluate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import tools.jackson.databind.JsonNode;

/**
 * A task's "ordinal" used as a Python dict key: 1, 1.0 and true are one key; NaN, lists and objects
 * (which Python cannot hash) match nothing but themselves.
 */
final class TaskKey {

    private record Number(BigDecimal value) {}

    private record Infinity(boolean positive) {}

    private record Text(String value) {}

    private static final Object NONE = new Object();

    /** The original value (null for None), kept for str() and for the sort. */
    private final JsonNode ordinal;
    private final Object identity;

    private TaskKey(JsonNode ordinal, Object identity) {
        this.ordinal = ordinal;
        this.identity = identity;
    }

    static TaskKey of(JsonNode ordinal) {
        if (ordinal == null || ordinal.isNull() || ordinal.isMissingNode()) {
            return new TaskKey(null, NONE);
        }
        if (ordinal.isString()) {
            return new TaskKey(ordinal, new Text(ordinal.stringValue()));
        }
        if (Py.isNumeric(ordinal)) {
            BigDecimal exact = Py.exactValue(ordinal);
            if (exact != null) {
                return new TaskKey(ordinal, new Number(exact.stripTrailingZeros()));
            }
            double d = ordinal.doubleValue();
            if (Double.isInfinite(d)) {
                return new TaskKey(ordinal, new Infinity(d > 0));
            }
        }
        return new TaskKey(ordinal, new Object());
    }

    boolean isDocument() {
        return ordinal != null && ordinal.isString() && ordinal.stringValue().equals("document");
    }

    /** Python str(ordinal), as the verbose report prints it. */
    String str() {
        return Py.str(ordinal);
    }

    /** score.py's sort: ints (and bools) first by value, then everything else by str(). */
    static final Comparator<TaskKey> ORDER = (a, b) -> {
        BigInteger x = Py.intValue(a.ordinal);
        BigInteger y = Py.intValue(b.ordinal);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return Py.CODE_POINT_ORDER.compare(a.str(), b.str());
    };

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskKey other && identity.equals(other.identity);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }
}
