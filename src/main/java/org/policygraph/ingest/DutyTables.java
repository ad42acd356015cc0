package org.policygraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.policygraph.ingest.DocumentLayout.ColumnRole;
import org.policygraph.ingest.DocumentLayout.TableCell;

/**
 * Finds tables that assign duties (序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限, 部门 | 职责与任务 …) in the
 * canonical text. Column roles come from the words of the header row, never from column positions; a row
 * after the header that names a duty and a party is a task. A header row repeated where a table continues on
 * the next page is skipped.
 */
final class DutyTables {

    private static final Pattern NUMBER = Pattern.compile("^(?:序号|编号|序|No\\.?)$");
    private static final Pattern LEAD = Pattern.compile("牵头|主办|主责");
    private static final Pattern PARTNER = Pattern.compile("配合|协办|参与|协作|协助|协同|支持单位");
    private static final Pattern DEADLINE = Pattern.compile("时限|时间|期限|节点|进度");
    private static final Pattern DUTY = Pattern.compile("任务|内容|职责|措施|领域|事项|举措|要求|目标|工作$|^工作");
    private static final Pattern PARTY = Pattern.compile("单位|部门|科室|处室|主体|机构|责任人?$");
    private static final int MAX_GROUP_ROW = 40;
    private static final int MIN_VERTICAL_COLUMNS = 3;
    private static final int MAX_VERTICAL_COLUMNS = 8;
    private static final int MIN_DUTY_CELL = 4;
    private static final int MAX_PARTY_CELL = 60;
    private static final Pattern ROW_NUMBER = Pattern.compile("\\d{1,3}");
    /** Header cells are short labels; a longer cell is content. */
    private static final int MAX_HEADER_CELL = 12;

    /** One duty table: where it lies and its task rows. */
    record Table(int start, int end, List<Row> rows) {}

    /** A task row: the line [start, end), its number cell if any, and its cells with their roles. */
    record Row(int start, int end, String number, List<TableCell> cells) {}

    private DutyTables() {}

    static List<Table> find(String text, List<StructureParser.Paragraph> paragraphs) {
        List<Table> tables = new ArrayList<>();
        int i = 0;
        while (i < paragraphs.size()) {
            StructureParser.Paragraph p = paragraphs.get(i);
            String line = text.substring(p.start(), p.end());
            List<ColumnRole> roles = TableRows.isRow(line) ? headerRoles(line) : null;
            if (roles == null) {
                Table vertical = verticalTable(text, paragraphs, i);
                if (vertical != null) {
                    tables.add(vertical);
                    while (i < paragraphs.size() && paragraphs.get(i).start() < vertical.end()) i++;
                } else {
                    i++;
                }
                continue;
            }
            List<Row> rows = new ArrayList<>();
            int end = p.end();
            int j = i + 1;
            // A second header row refines the first: 牵头单位 | 配合单位 under a 责任单位 that spans both.
            if (j < paragraphs.size()) {
                String second = text.substring(paragraphs.get(j).start(), paragraphs.get(j).end());
                List<ColumnRole> refined = TableRows.isRow(second) ? subHeaderRoles(second, roles) : null;
                if (refined != null) {
                    roles = refined;
                    end = paragraphs.get(j).end();
                    j++;
                }
            }
            for (; j < paragraphs.size(); j++) {
                StructureParser.Paragraph r = paragraphs.get(j);
                String rowLine = text.substring(r.start(), r.end());
                if (!TableRows.isRow(rowLine)) {
                    // A group row spans the table ("一、推动优质医疗资源扩容下沉") and the rows go on under it.
                    boolean groupRow = rowLine.length() <= MAX_GROUP_ROW && rowLine.indexOf('。') < 0
                            && j + 1 < paragraphs.size() && TableRows.isRow(text.substring(paragraphs.get(j + 1).start(),
                            paragraphs.get(j + 1).end()));
                    if (groupRow) continue;
                    break;
                }
                end = r.end();
                if (headerRoles(rowLine) != null) continue;
                Row row = row(r, rowLine, roles);
                if (row != null) rows.add(row);
            }
            if (!rows.isEmpty()) tables.add(new Table(p.start(), end, mergeSpannedRows(rows)));
            i = j;
        }
        return tables;
    }

    /**
     * A table copied from a web page one cell per line: a run of header words (序号 / 重点任务 / 牵头单位 / 责任单位)
     * on their own lines, then the cells of each row, as many lines per row as the header has (the number cell
     * may be missing: a bare number alone on a line reads as a page number and is gone from the clean text).
     */
    private static Table verticalTable(String text, List<StructureParser.Paragraph> paragraphs, int at) {
        List<ColumnRole> roles = new ArrayList<>();
        boolean duty = false;
        boolean party = false;
        int k = at;
        while (k < paragraphs.size() && roles.size() < MAX_VERTICAL_COLUMNS) {
            StructureParser.Paragraph candidate = paragraphs.get(k);
            // Most paragraphs are text, far longer than a header word: they are ruled out before any regex runs.
            if (candidate.end() - candidate.start() > MAX_HEADER_CELL * 2) break;
            String label = TableRows.withoutBlanks(text.substring(candidate.start(), candidate.end()));
            if (label.isEmpty() || label.length() > MAX_HEADER_CELL || TableRows.isRow(label)) break;
            ColumnRole role = role(label, duty);
            if (role == ColumnRole.OTHER) break;
            duty |= role == ColumnRole.DUTY;
            party |= role == ColumnRole.LEAD || role == ColumnRole.RESPONSIBLE || role == ColumnRole.PARTNER;
            roles.add(role);
            k++;
        }
        if (!duty || !party || roles.size() < MIN_VERTICAL_COLUMNS) return null;
        List<Row> rows = new ArrayList<>();
        int end = paragraphs.get(k - 1).end();
        while (k < paragraphs.size()) {
            List<TableCell> cells = new ArrayList<>();
            String number = null;
            int next = k;
            boolean valid = true;
            for (ColumnRole role : roles) {
                if (next >= paragraphs.size()) {
                    valid = false;
                    break;
                }
                StructureParser.Paragraph cell = paragraphs.get(next);
                String content = text.substring(cell.start(), cell.end()).strip();
                if (role == ColumnRole.NUMBER) {
                    if (ROW_NUMBER.matcher(content).matches()) {
                        number = content;
                        next++;
                    }
                    continue;
                }
                boolean fits = role == ColumnRole.DUTY ? content.length() >= MIN_DUTY_CELL
                        : content.length() <= MAX_PARTY_CELL && content.indexOf('。') < 0;
                if (!fits || TableRows.isRow(content)) {
                    valid = false;
                    break;
                }
                cells.add(new TableCell(role, cell.start(), cell.end()));
                next++;
            }
            if (!valid || cells.isEmpty()) break;
            rows.add(new Row(paragraphs.get(k).start(), paragraphs.get(next - 1).end(), number, cells));
            end = paragraphs.get(next - 1).end();
            k = next;
        }
        return rows.isEmpty() ? null : new Table(paragraphs.get(at).start(), end, rows);
    }

    /**
     * The roles of a header's second row laid over the first, or null when the row is data. The second row either
     * repeats the header with the spanning cell split (as readers write vertically merged cells) or leaves the
     * other cells empty.
     */
    private static List<ColumnRole> subHeaderRoles(String line, List<ColumnRole> first) {
        List<ColumnRole> full = headerRoles(line);
        if (full != null) {
            return full.size() >= first.size() ? full : null;
        }
        List<TableRows.CellSpan> cells = TableRows.cells(line);
        if (cells.size() != first.size()) return null;
        List<ColumnRole> refined = new ArrayList<>(first);
        boolean party = false;
        for (int c = 0; c < cells.size(); c++) {
            String label = TableRows.label(line, cells.get(c));
            if (label.isEmpty()) continue;
            ColumnRole role = label.length() <= MAX_HEADER_CELL ? role(label, true) : ColumnRole.OTHER;
            if (role == ColumnRole.OTHER) return null;
            party |= role == ColumnRole.LEAD || role == ColumnRole.RESPONSIBLE || role == ColumnRole.PARTNER;
            refined.set(c, role);
        }
        return party ? refined : null;
    }

    /** Rows that share their number (a 序号 cell merged over several 具体措施 rows) are one task. */
    private static List<Row> mergeSpannedRows(List<Row> rows) {
        List<Row> merged = new ArrayList<>();
        for (Row row : rows) {
            Row last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && row.number() != null && row.number().equals(last.number())) {
                List<TableCell> cells = new ArrayList<>(last.cells());
                cells.addAll(row.cells());
                merged.set(merged.size() - 1, new Row(last.start(), row.end(), last.number(), cells));
            } else {
                merged.add(row);
            }
        }
        return merged;
    }

    /** The roles of a header row's cells, or null when the row is no duty table's header. */
    static List<ColumnRole> headerRoles(String line) {
        List<ColumnRole> roles = new ArrayList<>();
        boolean duty = false;
        boolean party = false;
        for (TableRows.CellSpan cell : TableRows.cells(line)) {
            String label = TableRows.label(line, cell);
            if (label.length() > MAX_HEADER_CELL) return null;
            ColumnRole role = role(label, duty);
            duty |= role == ColumnRole.DUTY;
            party |= role == ColumnRole.LEAD || role == ColumnRole.RESPONSIBLE || role == ColumnRole.PARTNER;
            roles.add(role);
        }
        return duty && party ? roles : null;
    }

    private static ColumnRole role(String label, boolean dutySeen) {
        if (label.isEmpty()) return ColumnRole.OTHER;
        if (NUMBER.matcher(label).find()) return ColumnRole.NUMBER;
        if (LEAD.matcher(label).find()) return ColumnRole.LEAD;
        if (PARTNER.matcher(label).find()) return ColumnRole.PARTNER;
        if (DEADLINE.matcher(label).find()) return ColumnRole.DEADLINE;
        if (!dutySeen && DUTY.matcher(label).find()) return ColumnRole.DUTY;
        if (PARTY.matcher(label).find()) return ColumnRole.RESPONSIBLE;
        return ColumnRole.OTHER;
    }

    private static Row row(StructureParser.Paragraph p, String line, List<ColumnRole> roles) {
        List<TableRows.CellSpan> spans = TableRows.cells(line);
        // An empty last cell (备注) may be dropped with the row's trailing bar; a row shorter by more is no task.
        if (spans.size() < roles.size() - 1) return null;
        List<TableCell> cells = new ArrayList<>();
        String number = null;
        boolean duty = false;
        boolean party = false;
        for (int c = 0; c < spans.size(); c++) {
            ColumnRole role = c < roles.size() ? roles.get(c) : ColumnRole.OTHER;
            TableRows.CellSpan span = spans.get(c);
            if (span.end() <= span.start()) continue;
            cells.add(new TableCell(role, p.start() + span.start(), p.start() + span.end()));
            if (role == ColumnRole.NUMBER) number = line.substring(span.start(), span.end());
            duty |= role == ColumnRole.DUTY;
            party |= role == ColumnRole.LEAD || role == ColumnRole.RESPONSIBLE || role == ColumnRole.PARTNER;
        }
        return duty && party ? new Row(p.start(), p.end(), number, cells) : null;
    }
}
