package org.policygraph.link;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.graph.LinkStore;

/**
 * A task as the linkers read it: its title and the part of its text before the trailing
 * responsibility clause, which names departments (linked by ASSIGNED_TO) rather than content.
 *
 * @param key task key
 * @param docKey key of the task's document
 * @param ordinal task number in its document
 * @param title task title (may be null)
 * @param text full task text (may be null)
 * @param start offset of the text in the document's decoded input, or null when unknown
 * @param source the task's span exactly as it reads in the decoded input (null when not stored); offsets
 *     of a term are looked up there, since {@code text} may have line breaks removed
 */
record TaskText(String key, String docKey, int ordinal, String title, String text, Integer start, String source) {

    /** The stored task; its start counts only when the stored span is the text itself or its source is kept. */
    static TaskText of(LinkStore.TaskRow row) {
        boolean verbatim = row.text() != null && row.start() != null && row.end() != null
                && row.end() - row.start() == row.text().length();
        return new TaskText(row.key(), row.documentKey(), row.ordinal(), row.title(), row.text(),
                verbatim || row.source() != null ? row.start() : null, row.source());
    }

    /** Offset in the decoded input of the first occurrence of {@code term} in the task, or null. */
    Integer offsetOf(String term, int offsetInText) {
        if (start == null) {
            return null;
        }
        if (source == null) {
            return start + offsetInText;
        }
        int at = source.indexOf(term);
        return at < 0 ? null : start + at;
    }

    /** A parenthesis without nested ones. */
    private static final Pattern PARENTHESIS = Pattern.compile("[（(]([^（()）]*)[)）]");

    /**
     * The text before its last responsibility clause ("（省医保局、省财政厅等部门按职责分工负责）",
     * "（…分级负责）"). Whatever follows that clause is cut too: the last task of a document can run
     * on into the closing paragraph, which is not part of the task.
     */
    String content() {
        if (text == null) {
            return "";
        }
        Matcher parenthesis = PARENTHESIS.matcher(text);
        int clauseStart = -1;
        while (parenthesis.find()) {
            String inside = parenthesis.group(1).strip();
            if (inside.contains("职责") || inside.endsWith("负责") || inside.endsWith("负责。")) {
                clauseStart = parenthesis.start();
            }
        }
        return clauseStart < 0 ? text : text.substring(0, clauseStart);
    }

    String titleOrEmpty() {
        return title == null ? "" : title;
    }
}
