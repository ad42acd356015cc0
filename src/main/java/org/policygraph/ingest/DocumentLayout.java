package org.policygraph.ingest;

import java.util.List;

/**
 * The structure found in a document's clean text: the notice header and the numbered items that hold
 * tasks. All offsets are into {@link CleanText#text()}.
 */
public record DocumentLayout(
        Header header,
        List<SectionSlice> sections,
        List<TaskSlice> tasks,
        List<Slice> untaskedBody,
        List<TargetCell> targetCells) {

    public record Header(String title, String docNumber, String issuer, String issueDate, Integer year) {}

    public record SectionSlice(int ordinal, String label, String title, int start, int end) {}

    /**
     * One task: its printed label, the section it belongs to (0 when the document has none),
     * where its text starts (the label) and ends, and whether the text ends before it is complete.
     */
    public record TaskSlice(int ordinal, String label, int section, int start, int labelEnd, int end, boolean truncated,
                            List<TableCell> cells) {

        /** Whether the task is a row of a duty table, its parties in cells rather than in a clause. */
        public boolean tableRow() {
            return !cells.isEmpty();
        }

        public TaskSlice withOrdinal(int newOrdinal) {
            return new TaskSlice(newOrdinal, label, section, start, labelEnd, end, truncated, cells);
        }
    }

    /** What a column of a duty table holds, read from its header. */
    public enum ColumnRole { NUMBER, DUTY, LEAD, RESPONSIBLE, PARTNER, DEADLINE, OTHER }

    /** A cell of a table of targets: [start, end) in the clean text, the row's indicator and unit, the column's year. */
    public record TargetCell(int start, int end, String subject, String unit, String year) {}

    /** A non-empty cell of a duty-table row, [start, end) in the clean text. */
    public record TableCell(ColumnRole role, int start, int end) {}

    /** Body text outside every task (preamble, goals), where document-level targets are stated. */
    public record Slice(int start, int end) {}
}
