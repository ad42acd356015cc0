package org.policygraph.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A table row in the canonical text is one line whose cells are separated by a bar: " | " as the readers
 * write it, "|" at both ends as markdown writes it, or the full-width "｜" of a copied web table.
 */
public final class TableRows {

    private static final int MIN_CELLS = 2;

    private TableRows() {}

    /** A cell of a row: [start, end) relative to the line, without the white space around it. */
    public record CellSpan(int start, int end) {}

    public static boolean isRow(CharSequence line) {
        int bars = 0;
        for (int i = 0; i < line.length(); i++) {
            if (isBar(line.charAt(i))) bars++;
        }
        return bars > 0 && cells(line).size() >= MIN_CELLS;
    }

    /** The cells of a line, empty cells included except the empty edges of a markdown row. */
    public static List<CellSpan> cells(CharSequence line) {
        List<CellSpan> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || isBar(line.charAt(i))) {
                int s = start;
                int e = i;
                while (s < e && isBlank(line.charAt(s))) s++;
                while (e > s && isBlank(line.charAt(e - 1))) e--;
                boolean edge = (start == 0 && i < line.length()) || i == line.length() && start > 0;
                if (s < e || !edge) cells.add(new CellSpan(s, e));
                start = i + 1;
            }
        }
        if (cells.size() == 1) return List.of();
        return cells;
    }

    /** A header cell's words without any blank (部  门 → 部门), to compare with header vocabularies. */
    public static String label(CharSequence line, CellSpan cell) {
        return withoutBlanks(line.subSequence(cell.start(), cell.end()));
    }

    static String withoutBlanks(CharSequence text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!isBlank(text.charAt(i))) kept.append(text.charAt(i));
        }
        return kept.toString();
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b';
    }

    private static boolean isBar(char c) {
        return c == '|' || c == '｜';
    }
}
