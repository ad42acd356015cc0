package org.policygraph.link;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 */
record TaskText(String key, String docKey, int ordinal, String title, String text, Integer start) {

    /** "（省医保局、省财政厅等部门按职责分工负责）" and the like at the very end. */
    private static final Pattern RESPONSIBILITY_CLAUSE = Pattern.compile("[（(][^（()）]*负责[^（()）]*[)）]\\s*$");

    /** The text without its trailing responsibility clause. */
    String content() {
        if (text == null) {
            return "";
        }
        Matcher clause = RESPONSIBILITY_CLAUSE.matcher(text);
        return clause.find() ? text.substring(0, clause.start()) : text;
    }

    String titleOrEmpty() {
        return title == null ? "" : title;
    }
}
