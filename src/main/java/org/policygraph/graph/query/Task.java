package org.policygraph.graph.query;

import org.neo4j.driver.Value;

public record Task(String key, int ordinal, String label, String title, String text, Boolean truncated, Integer year,
        String documentLevel, Integer start, Integer end, String docKey, String source) implements KeyedNode {

    static Task of(Value n) {
        return new Task(Nodes.string(n, "key"), n.get("ordinal").asInt(), Nodes.string(n, "label"),
                Nodes.string(n, "title"), Nodes.string(n, "text"), Nodes.bool(n, "truncated"), Nodes.integer(n, "year"),
                Nodes.string(n, "docLevel"), Nodes.integer(n, "start"), Nodes.integer(n, "end"), Nodes.string(n, "docKey"),
                Nodes.string(n, "source"));
    }

    /** The task's own span, quoted by the task text (as extracted, whitespace-normalized); null without a span. */
    public Evidence evidence() {
        return start == null || end == null ? null : new Evidence(text, start, end, docKey);
    }

    /**
     * Evidence for a span of this task's document, cut from the task's source (its span as it reads in
     * the decoded input) when the span lies inside the task; from the task text when that is verbatim.
     */
    Evidence quote(Integer from, Integer to) {
        if (from == null || to == null) {
            return null;
        }
        String verbatim = source != null ? source
                : text != null && start != null && end != null && text.length() == end - start ? text : null;
        String quoted = verbatim != null && start != null && from >= start && to <= start + verbatim.length() && from <= to
                ? verbatim.substring(from - start, to - start) : null;
        return new Evidence(quoted, from, to, docKey);
    }
}
