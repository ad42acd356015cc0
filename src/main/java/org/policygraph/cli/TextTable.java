package org.policygraph.cli;

import java.util.List;

/** A plain-text table whose columns line up in a terminal, Chinese (double-width) characters included. */
final class TextTable {

    private TextTable() {}

    static String render(List<String> columns, List<List<String>> rows) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = width(columns.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(flat(row.get(c))));
            }
        }
        StringBuilder table = new StringBuilder();
        String rule = rule(widths);
        table.append(rule);
        line(table, columns, widths);
        table.append(rule);
        for (List<String> row : rows) {
            line(table, row.stream().map(TextTable::flat).toList(), widths);
        }
        if (!rows.isEmpty()) {
            table.append(rule);
        }
        return table.toString();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder("+");
        for (int w : widths) {
            rule.append("-".repeat(w + 2)).append('+');
        }
        return rule.append('\n').toString();
    }

    private static void line(StringBuilder table, List<String> cells, int[] widths) {
        table.append('|');
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            table.append(' ').append(cell).append(" ".repeat(widths[c] - width(cell))).append(" |");
        }
        table.append('\n');
    }

    /** Line breaks inside a cell would break the table: shown as spaces. */
    private static String flat(String cell) {
        return cell.replaceAll("\\R", " ");
    }

    /** Terminal columns of the text: East Asian wide and fullwidth characters take two. */
    static int width(String text) {
        return text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
