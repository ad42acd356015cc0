package org.policygraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.ingest.DocumentLayout.TargetCell;

/**
 * Finds tables of targets (指标名称 | 单位 | 基期值 | 2025年 | 2027年 …) in the canonical text: every filled cell
 * under a year column that is not the base year is a target for that year, of the row's indicator and unit.
 */
final class TargetTables {

    private static final Pattern INDICATOR_HEADER = Pattern.compile("指标|项目|内容");
    private static final Pattern UNIT_HEADER = Pattern.compile("^(?:计量)?单位$");
    private static final Pattern YEAR_HEADER = Pattern.compile("((?:19|20)\\d{2})\\s*年?(?:底|末)?\\s*(?:目标值?|预期值?|值)?$");
    private static final Pattern BASE_HEADER = Pattern.compile("基期|基线|现状|基础值|基数");
    private static final int MAX_HEADER_CELL = 16;

    private TargetTables() {}

    static List<TargetCell> find(String text, List<StructureParser.Paragraph> paragraphs) {
        List<TargetCell> targets = new ArrayList<>();
        int i = 0;
        while (i < paragraphs.size()) {
            StructureParser.Paragraph p = paragraphs.get(i);
            String line = text.substring(p.start(), p.end());
            Header header = TableRows.isRow(line) ? header(line) : null;
            if (header == null) {
                i++;
                continue;
            }
            int j = i + 1;
            for (; j < paragraphs.size(); j++) {
                StructureParser.Paragraph r = paragraphs.get(j);
                String row = text.substring(r.start(), r.end());
                if (!TableRows.isRow(row)) break;
                if (header(row) != null) continue;
                List<TableRows.CellSpan> cells = TableRows.cells(row);
                if (cells.size() != header.columns()) continue;
                String subject = cell(row, cells.get(header.indicator()));
                String unit = header.unit() >= 0 ? cell(row, cells.get(header.unit())) : null;
                if (subject.isEmpty()) continue;
                for (int c = 0; c < header.years().length; c++) {
                    String year = header.years()[c];
                    TableRows.CellSpan span = cells.get(c);
                    if (year == null || span.end() <= span.start()) continue;
                    targets.add(new TargetCell(r.start() + span.start(), r.start() + span.end(), subject,
                            unit == null || unit.isEmpty() ? null : unit, year + "年"));
                }
            }
            i = j;
        }
        return targets;
    }

    /** The header's columns: which names the indicator, which the unit, and the target year of each column (null: none). */
    private record Header(int columns, int indicator, int unit, String[] years) {}

    private static Header header(String line) {
        List<TableRows.CellSpan> cells = TableRows.cells(line);
        int indicator = -1;
        int unit = -1;
        String[] years = new String[cells.size()];
        boolean anyYear = false;
        for (int c = 0; c < cells.size(); c++) {
            String label = TableRows.label(line, cells.get(c));
            if (label.length() > MAX_HEADER_CELL) return null;
            Matcher year = YEAR_HEADER.matcher(label);
            if (year.find() && !BASE_HEADER.matcher(label).find()) {
                years[c] = year.group(1);
                anyYear = true;
            } else if (UNIT_HEADER.matcher(label).find()) {
                unit = c;
            } else if (indicator < 0 && INDICATOR_HEADER.matcher(label).find()) {
                indicator = c;
            }
        }
        return indicator >= 0 && anyYear ? new Header(cells.size(), indicator, unit, years) : null;
    }

    private static String cell(String line, TableRows.CellSpan span) {
        return line.substring(span.start(), span.end()).strip();
    }
}
