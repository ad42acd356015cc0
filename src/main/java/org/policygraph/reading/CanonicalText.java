package org.policygraph.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the lines of a document in the canonical form shared by all formats: one line per paragraph, one line
 * per table row with cells joined by {@link #CELL_SEPARATOR}, LF line ends, at most one empty line in a row,
 * zero-width characters dropped and every other character kept as printed.
 */
final class CanonicalText implements BlockSink {

    static final String CELL_SEPARATOR = " | ";
    /** What a cell's paragraphs and line breaks become inside its row's line. */
    static final String CELL_PART_SEPARATOR = " ";

    private static final Pattern LINE_END = Pattern.compile("\r\n?|\n");
    private static final Pattern CELL_LINE_BREAKS = Pattern.compile("[\r\n]+");
    /** ZERO WIDTH SPACE, ZERO WIDTH NON-JOINER, ZERO WIDTH JOINER, WORD JOINER, ZERO WIDTH NO-BREAK SPACE (BOM). */
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\u200B\u200C\u200D\u2060\uFEFF]");
    /** C0 controls other than tab and line feed, DEL and C1 controls: none of them is printed. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");

    private final List<String> lines = new ArrayList<>();

    /** Adds a paragraph; line breaks inside it become line ends. */
    @Override
    public void paragraph(String text) {
        lines.addAll(List.of(LINE_END.split(text, -1)));
    }

    /** Adds a table row: cells, each already on one line (see {@link #cell}), joined on one line. */
    @Override
    public void row(List<String> cells) {
        lines.add(String.join(CELL_SEPARATOR, cells));
    }

    /**
     * A cell's text on one line: its parts (paragraphs, nested rows) and line breaks joined by one space. Empty
     * parts count, as in the reference renderings: a cell whose second paragraph is empty ends with a space.
     */
    static String cell(List<String> parts) {
        List<String> flat = new ArrayList<>();
        for (String part : parts) {
            flat.add(CELL_LINE_BREAKS.matcher(part).replaceAll(CELL_PART_SEPARATOR));
        }
        return String.join(CELL_PART_SEPARATOR, flat);
    }

    /**
     * The finished text: lines joined by LF, runs of empty lines cut to one (an empty last paragraph leaves the
     * text ending in LF, as the reference renderings do); a document of nothing but white space has no text.
     */
    String finish(Format format) throws UnreadableInputException {
        StringBuilder out = new StringBuilder();
        boolean previousEmpty = false;
        boolean first = true;
        for (String raw : lines) {
            for (String split : LINE_END.split(raw, -1)) {
                String line = clean(split);
                boolean empty = line.isEmpty();
                if (empty && previousEmpty) {
                    continue;
                }
                if (!first) {
                    out.append('\n');
                }
                out.append(line);
                previousEmpty = empty;
                first = false;
            }
        }
        String text = out.toString();
        if (text.isBlank()) {
            throw new UnreadableInputException("the " + format + " document holds no text");
        }
        return text;
    }

    private static String clean(String line) {
        return CONTROL.matcher(ZERO_WIDTH.matcher(line).replaceAll("")).replaceAll("");
    }
}
