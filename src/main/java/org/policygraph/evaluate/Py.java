package org.policygraph.evaluate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What score.py's Python does with json.loads values: truthiness, str()/repr(), float(), round(),
 * {@code :.3f}, the \s character class and code-point string order. Where Python would raise on a
 * value of an unexpected type (e.g. norm() of a number), these helpers take the nearest harmless reading.
 */
final class Py {

    private Py() {}

    /** Python's {@code \s} in a str pattern (str.isspace), listed from Python 3.11. */
    static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0
                || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029
                || cp == 0x202f || cp == 0x205f || cp == 0x3000;
    }

    /** {@code WS.sub("", s or "").rstrip("。")}. */
    static String norm(JsonNode value) {
        if (!truthy(value)) {
            return "";
        }
        return normText(value.isString() ? value.stringValue() : str(value));
    }

    static String normText(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !isSpace(cp)).forEach(out::appendCodePoint);
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '。') {
            end--;
        }
        return out.substring(0, end);
    }

    static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().signum() != 0;
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0.0; // NaN is truthy, as in Python
        }
        if (v.isString()) {
            return !v.stringValue().isEmpty();
        }
        return v.size() > 0;
    }

    /** {@code dict.get(key)}: null for a missing key or a non-object. */
    static JsonNode get(JsonNode obj, String key) {
        return obj != null && obj.isObject() ? obj.get(key) : null;
    }

    /** Python {@code str(value)} of a json.loads value (null stands for None). */
    static String str(JsonNode v) {
        return v != null && v.isString() ? v.stringValue() : repr(v);
    }

    static String repr(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "None";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "True" : "False";
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            return floatRepr(v.doubleValue());
        }
        if (v.isString()) {
            return repr(v.stringValue());
        }
        StringBuilder out = new StringBuilder();
        if (v.isArray()) {
            out.append('[');
            Iterator<JsonNode> it = v.values().iterator();
            while (it.hasNext()) {
                out.append(repr(it.next())).append(it.hasNext() ? ", " : "");
            }
            return out.append(']').toString();
        }
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> it = v.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.append(repr(e.getKey())).append(": ").append(repr(e.getValue())).append(it.hasNext() ? ", " : "");
        }
        return out.append('}').toString();
    }

    /** CPython's unicode_repr. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.append(quote).toString();
    }

    private static boolean isPrintable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** Python {@code repr(float)}: shortest round-tripping digits, exponent form outside 1e-4..1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0.0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int decpt = digits.length() - shortest.scale(); // value = 0.<digits> * 10^decpt
        String sign = d < 0 ? "-" : "";
        if (decpt <= -4 || decpt > 16) {
            int exponent = decpt - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (decpt <= 0) {
            return sign + "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= digits.length()) {
            return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
        }
        return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
    }

    /** Python {@code f"{x:.3f}"}: correctly rounded, ties to even, on the exact binary value. */
    static String format3(double x) {
        return new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?"
                    + "|(?i:inf|infinity|nan))");

    /** score.py's number(): {@code round(float(v), 4)}, or null where float() raises. */
    static Double number(JsonNode v) {
        Double d = toFloat(v);
        return d == null ? null : round4(d);
    }

    private static Double toFloat(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainer()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1.0 : 0.0;
        }
        if (v.isIntegralNumber()) {
            double d = v.bigIntegerValue().doubleValue();
            return Double.isInfinite(d) ? null : d; // Python raises OverflowError here; read as not a number
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isString()) {
            return parseFloat(v.stringValue());
        }
        return null;
    }

    /** Python {@code float(str)}: surrounding white space, '_' between digits, any Unicode decimal digit. */
    static Double parseFloat(String s) {
        int[] cps = s.codePoints().toArray();
        int start = 0;
        int end = cps.length;
        while (start < end && isSpace(cps[start])) {
            start++;
        }
        while (end > start && isSpace(cps[end - 1])) {
            end--;
        }
        StringBuilder ascii = new StringBuilder();
        for (int i = start; i < end; i++) {
            int cp = cps[i];
            if (cp < 128) {
                ascii.append((char) cp);
            } else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                ascii.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                return null;
            }
        }
        String text = ascii.toString();
        if (!FLOAT.matcher(text).matches()) {
            return null;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(text.replace("_", ""));
    }

    /** Python {@code round(x, 4)}: ties to even on the exact value; the sign of a zero is kept. */
    static double round4(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double rounded = new BigDecimal(x).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
        return rounded == 0.0 ? Math.copySign(0.0, x) : rounded;
    }

    /** Python {@code ==} between two json.loads values. */
    static boolean equal(JsonNode a, JsonNode b) {
        boolean aNone = a == null || a.isNull() || a.isMissingNode();
        boolean bNone = b == null || b.isNull() || b.isMissingNode();
        if (aNone || bNone) {
            return aNone && bNone;
        }
        if (isNumeric(a) || isNumeric(b)) {
            return isNumeric(a) && isNumeric(b) && numericEqual(a, b);
        }
        if (a.isString() || b.isString()) {
            return a.isString() && b.isString() && a.stringValue().equals(b.stringValue());
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!b.has(e.getKey()) || !equal(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static boolean isNumeric(JsonNode v) {
        return v != null && (v.isNumber() || v.isBoolean());
    }

    /** Exact value of a bool/int/float, null for NaN and infinities. */
    static BigDecimal exactValue(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v.isIntegralNumber()) {
            return new BigDecimal(v.bigIntegerValue());
        }
        double d = v.doubleValue();
        return Double.isNaN(d) || Double.isInfinite(d) ? null : new BigDecimal(d);
    }

    private static boolean numericEqual(JsonNode a, JsonNode b) {
        BigDecimal x = exactValue(a);
        BigDecimal y = exactValue(b);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        if (x == null && y == null) {
            double dx = a.doubleValue();
            return dx == b.doubleValue(); // infinities of one sign; NaN never
        }
        return false;
    }

    /** The integer value when Python's isinstance(v, int) holds (ints and bools), else null. */
    static BigInteger intValue(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
        }
        return v.isIntegralNumber() ? v.bigIntegerValue() : null;
    }

    /** Python str ordering: by code point, not by UTF-16 unit. */
    static final Comparator<String> CODE_POINT_ORDER = (x, y) -> {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    };
}
