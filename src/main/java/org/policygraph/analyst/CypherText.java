package org.policygraph.analyst;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must be known of an analyst's Cypher text before any parser sees it: how deeply its
 * brackets nest, and its words outside comments.
 *
 * <p>A hand-written scan rather than Neo4j's parser because the parser is what needs protecting:
 * it recurses once per bracket level, and a list literal nested a few hundred deep overflows its
 * stack (in the database that left the Bolt connection waiting for an answer that never came). This
 * scan is one loop over the characters, so it is safe on any input. It skips string literals
 * ({@code '…'}, {@code "…"} with backslash escapes), backtick-quoted names and comments
 * ({@code //…}, {@code /*…*&#47;}), so that brackets and words inside them do not count.
 */
final class CypherText {

    /** Where a database message places an error: {@code (line 1, column 23 (offset: 22))}. */
    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");
    /** The line under a quoted line of the query that points at the error. */
    private static final Pattern CARET = Pattern.compile(" *\\^\\s*");

    private CypherText() {}

    /** The deepest nesting of {@code ( [ {} brackets in {@code text}, outside strings, names and comments. */
    static int deepestNesting(String text) {
        int depth = 0;
        int deepest = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int skipped = skipQuotedOrComment(text, i);
            if (skipped > i) {
                i = skipped;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                deepest = Math.max(deepest, depth);
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            i++;
        }
        return deepest;
    }

    /** The offset of the first character at or after {@code from} that is neither white space nor in a comment. */
    static int skipSpaceAndComments(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (startsComment(text, i)) {
                i = skipQuotedOrComment(text, i);
            } else {
                break;
            }
        }
        return i;
    }

    /** The word (letters, digits, underscores) that starts at {@code offset}; empty when none does. */
    static String wordAt(String text, int offset) {
        int end = offset;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return text.substring(Math.min(offset, end), end);
    }

    /** The word that ends just before {@code offset}, across white space only; empty when there is none. */
    static String wordBefore(String text, int offset) {
        int end = Math.min(offset, text.length());
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
            start--;
        }
        return text.substring(start, end);
    }

    /**
     * The first {@code words} words from {@code offset}, separated by one space: how an error message
     * names the construct that starts there ({@code SHOW TRANSACTIONS}, {@code LOAD CSV}).
     */
    static String wordsAt(String text, int offset, int words) {
        StringBuilder named = new StringBuilder();
        int i = Math.max(0, Math.min(offset, text.length()));
        for (int n = 0; n < words; n++) {
            i = skipSpaceAndComments(text, i);
            String word = wordAt(text, i);
            if (word.isEmpty()) {
                break;
            }
            if (!named.isEmpty()) {
                named.append(' ');
            }
            named.append(word);
            i += word.length();
        }
        return named.toString();
    }

    /**
     * A database message about {@code prefix + query} as a message about {@code query}: positions on
     * the first line ({@code line 1, column N (offset: M)}) and every offset move back by the prefix's
     * length, and the quoted first line with its caret loses the prefix.
     */
    static String withoutPrefix(String message, String prefix) {
        if (message == null || prefix.isEmpty()) {
            return message;
        }
        int shift = prefix.length();
        Matcher position = POSITION.matcher(message);
        StringBuilder moved = new StringBuilder();
        while (position.find()) {
            int line = Integer.parseInt(position.group(1));
            int column = Integer.parseInt(position.group(2));
            int offset = Integer.parseInt(position.group(3));
            int userColumn = line == 1 ? Math.max(1, column - shift) : column;
            position.appendReplacement(moved, "(line " + line + ", column " + userColumn + " (offset: "
                    + Math.max(0, offset - shift) + "))");
        }
        position.appendTail(moved);
        String[] lines = moved.toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("\"" + prefix)) {
                lines[i] = "\"" + lines[i].substring(1 + shift);
                if (i + 1 < lines.length && CARET.matcher(lines[i + 1]).matches()
                        && lines[i + 1].startsWith(" ".repeat(shift))) {
                    lines[i + 1] = lines[i + 1].substring(shift);
                }
            }
        }
        return String.join("\n", lines);
    }

    private static boolean startsComment(String text, int i) {
        return text.startsWith("//", i) || text.startsWith("/*", i);
    }

    /** The offset just after the string, quoted name or comment starting at {@code i}; {@code i} when none does. */
    private static int skipQuotedOrComment(String text, int i) {
        char c = text.charAt(i);
        if (text.startsWith("//", i)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end + 1;
        }
        if (text.startsWith("/*", i)) {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? text.length() : end + 2;
        }
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != c) {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(j + 1, text.length());
        }
        if (c == '`') {
            int j = i + 1;
            while (j < text.length()) {
                if (text.charAt(j) == '`') {
                    if (j + 1 < text.length() && text.charAt(j + 1) == '`') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j++;
            }
            return Math.min(j + 1, text.length());
        }
        return i;
    }
}
