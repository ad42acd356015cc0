package org.policygraph.evaluate;

import java.util.Objects;

/** A key of one of score.py's Counters, with the Python str() and repr() the verbose report prints. */
interface PyKey {

    String str();

    String repr();

    /** A department name or a region key: a Python str. */
    record Text(String text) implements PyKey {
        public String str() {
            return text;
        }

        public String repr() {
            return Py.repr(text);
        }
    }

    /** A pilot site: the tuple (site_key, level). */
    record Site(String site, String level) implements PyKey {
        public String str() {
            return repr();
        }

        public String repr() {
            return "(" + Py.repr(site) + ", " + Py.repr(level) + ")";
        }
    }

    /**
     * An indicator: the tuple (round(float(value), 4) or None, norm(unit)). Equality is Python's float
     * equality (-0.0 equals 0.0, NaN equals nothing); HashMap's identity check, like CPython's, still
     * finds a NaN key by the very same object.
     */
    final class Indicator implements PyKey {
        private final Double value;
        private final String unit;

        Indicator(Double value, String unit) {
            this.value = value;
            this.unit = unit;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Indicator other) || !unit.equals(other.unit)) {
                return false;
            }
            if (value == null || other.value == null) {
                return value == null && other.value == null;
            }
            return value.doubleValue() == other.value.doubleValue();
        }

        @Override
        public int hashCode() {
            int valueHash = value == null || value == 0.0 || value.isNaN() ? 0 : Double.hashCode(value);
            return Objects.hash(valueHash, unit);
        }

        public String str() {
            return repr();
        }

        public String repr() {
            return "(" + (value == null ? "None" : Py.floatRepr(value)) + ", " + Py.repr(unit) + ")";
        }

        @Override
        public String toString() {
            return repr();
        }
    }
}
