package org.policygraph.graph.query;

import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.neo4j.driver.Value;

/**
 * The nested fields of a selection that the statement of their list reads as well: each selected field
 * with a {@link Relation}, recursively. Fields without one (computed fields, links) are left to their
 * batch loaders.
 */
record Projection(String type, List<Nested> nested, Set<String> properties) {

    record Nested(Relation<?> relation, Projection below) {}

    static final Projection NONE = new Projection(null, List.of(), Set.of());

    /**
     * The properties behind each scalar field of Task, whose text and verbatim source are long: a task
     * is read with the properties its selected fields need, plus its key and ordinal. Nodes of other
     * types are small and read whole.
     */
    private static final Map<String, List<String>> TASK_PROPERTIES = Map.of(
            "label", List.of("label"), "title", List.of("title"), "text", List.of("text"),
            "truncated", List.of("truncated"), "year", List.of("year"), "documentLevel", List.of("docLevel"),
            "evidence", List.of("text", "start", "end", "docKey"),
            // Theme evidence is quoted from the task's verbatim source (Task#quote).
            "themes", List.of("source", "text", "start", "end", "docKey"));

    static Projection of(String type, List<SelectedField> fields) {
        if (type == null) {
            return NONE;
        }
        List<Nested> nested = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> properties = new TreeSet<>(List.of("key", "ordinal"));
        for (SelectedField field : fields) {
            properties.addAll(TASK_PROPERTIES.getOrDefault(field.getName(), List.of()));
            Relation<?> relation = Relations.find(type, field.getName());
            if (relation != null && seen.add(field.getName())) {
                Projection below = relation.childType() == null ? NONE
                        : of(relation.childType(), field.getSelectionSet().getImmediateFields());
                nested.add(new Nested(relation, below));
            }
        }
        return new Projection(type, List.copyOf(nested), type.equals("Task") ? Set.copyOf(properties) : Set.of());
    }

    /** The map projection of the node itself: the properties needed, or all of them. */
    String nodeMap() {
        return properties.isEmpty() ? "{.*}"
                : properties.stream().sorted().map(p -> "." + p).collect(Collectors.joining(", ", "{", "}"));
    }

    /** The row map of the node bound to {@code variable}: {@code {node: v {.*}, <nested>}}. */
    String row(String variable) {
        return "{node: " + variable + " " + nodeMap() + entries(variable, 0) + "}";
    }

    /** Map entries, each starting with ", ", reading the nested fields of the node bound to {@code variable}. */
    String entries(String variable, int depth) {
        StringBuilder entries = new StringBuilder();
        for (Nested n : nested) {
            entries.append(", ").append(n.relation().id()).append(": ")
                    .append(n.relation().collect(variable, depth + 1, n.below()));
        }
        return entries.toString();
    }

    /** Stores the nested rows of {@code row} (a row map this projection wrote) for the batch loaders. */
    void register(Value row, Prefetch prefetch) {
        if (nested.isEmpty()) {
            return;
        }
        String key = row.get("node").get(Relation.keyProperty(type)).asString(null);
        for (Nested n : nested) {
            List<Value> children = row.get(n.relation().id()).asList(v -> v);
            if (key != null) {
                prefetch.put(n.relation(), key, children);
            }
            children.forEach(child -> n.below().register(child, prefetch));
        }
    }
}
