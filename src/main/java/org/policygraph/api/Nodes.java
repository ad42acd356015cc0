package org.policygraph.api;

import org.neo4j.driver.Value;

/** Reads node properties ({@code n {.*}}) into the API's records; absent properties become null. */
final class Nodes {

    private Nodes() {}

    static String string(Value node, String property) {
        Value value = node.get(property);
        return value.isNull() ? null : value.asString();
    }

    static Integer integer(Value node, String property) {
        Value value = node.get(property);
        return value.isNull() ? null : value.asInt();
    }

    static Double number(Value node, String property) {
        Value value = node.get(property);
        return value.isNull() ? null : value.asDouble();
    }

    static Boolean bool(Value node, String property) {
        Value value = node.get(property);
        return value.isNull() ? null : value.asBoolean();
    }
}

/** A node the API reads nested fields of: {@link #key()} is its key property ({@link Relation#keyProperty}). */
interface KeyedNode {
    String key();
}

record Task(String key, int ordinal, String label, String title, String text, Boolean truncated, Integer year,
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

record Evidence(String text, int start, int end, String documentKey) {}

record Document(String key, String docNumber, String title, String issuer, String issueDate, Integer year,
        String level, boolean stub, String sourceName, String regionCode) {

    static Document of(Value n) {
        return new Document(Nodes.string(n, "key"), Nodes.string(n, "docNumber"), Nodes.string(n, "title"),
                Nodes.string(n, "issuer"), Nodes.string(n, "issueDate"), Nodes.integer(n, "year"),
                Nodes.string(n, "level"), Boolean.TRUE.equals(Nodes.bool(n, "stub")), Nodes.string(n, "sourceName"),
                Nodes.string(n, "regionCode"));
    }
}

record Section(String key, int ordinal, String label, String title) {

    static Section of(Value n) {
        return new Section(Nodes.string(n, "key"), n.get("ordinal").asInt(), Nodes.string(n, "label"),
                Nodes.string(n, "title"));
    }
}

record Department(String key, String name, String level, String regionCode) {

    static Department of(Value n) {
        return new Department(Nodes.string(n, "key"), Nodes.string(n, "name"), Nodes.string(n, "level"),
                Nodes.string(n, "regionCode"));
    }
}

/** A department's responsibility for a task, with both ends, as the ASSIGNED_TO relationship holds it. */
record Assignment(Task task, Department department, String role, Integer position, Integer start, Integer end) {

    public Evidence evidence() {
        return task.quote(start, end);
    }
}

record Region(String code, String name, String level) {

    static Region of(Value n) {
        return new Region(Nodes.string(n, "code"), Nodes.string(n, "name"), Nodes.string(n, "level"));
    }
}

record Pilot(String key, String level, String levelBasis, Integer declaredCount, String programmeName,
        Integer start, Integer end) implements KeyedNode {

    static Pilot of(Value n) {
        return new Pilot(Nodes.string(n, "key"), Nodes.string(n, "level"), Nodes.string(n, "levelBasis"),
                Nodes.integer(n, "declaredCount"), Nodes.string(n, "programme"), Nodes.integer(n, "start"),
                Nodes.integer(n, "end"));
    }
}

record Programme(String name) implements KeyedNode {

    /** A programme is identified by its name. */
    @Override
    public String key() {
        return name;
    }

    static Programme of(Value n) {
        return new Programme(Nodes.string(n, "name"));
    }
}

record Institution(String key, String name, String regionCode) implements KeyedNode {

    static Institution of(Value n) {
        return new Institution(Nodes.string(n, "key"), Nodes.string(n, "name"), Nodes.string(n, "regionCode"));
    }
}

record Indicator(String key, String text, Double value, String unit, String comparator, String deadline,
        String subject, Integer start, Integer end) implements KeyedNode {

    static Indicator of(Value n) {
        return new Indicator(Nodes.string(n, "key"), Nodes.string(n, "text"), Nodes.number(n, "value"),
                Nodes.string(n, "unit"), Nodes.string(n, "comparator"), Nodes.string(n, "deadline"),
                Nodes.string(n, "subject"), Nodes.integer(n, "start"), Nodes.integer(n, "end"));
    }
}
