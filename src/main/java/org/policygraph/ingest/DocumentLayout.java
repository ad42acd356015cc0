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
        List<Slice> untaskedBody) {

    public record Header(String title, String docNumber, String issuer, String issueDate, Integer year) {}

    public record SectionSlice(int ordinal, String label, String title, int start, int end) {}

    /**
     * One task: its printed label, the section it belongs to (0 when the document has none),
     * where its text starts (the label) and ends, and whether the text ends before it is complete.
     */
    public record TaskSlice(int ordinal, String label, int section, int start, int labelEnd, int end, boolean truncated) {}

    /** Body text outside every task (preamble, goals), where document-level targets are stated. */
    public record Slice(int start, int end) {}
}
