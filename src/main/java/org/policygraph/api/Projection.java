package org.policygraph.api;

import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neo4j.driver.Value;

/**
 * The nested fields of a selection that the statement of their list reads as well: each selected field
 * with a {@link Relation}, recursively. Fields without one (computed fields, links) are left to their
 * batch loaders.
 */
record Projection(String type, List<Nested> nested) {

    record Nested(Relation relation, Projection below) {}

    static final Projection NONE = new Projection(null, List.of());

    static Projection of(String type, List<SelectedField> fields) {
        if (type == null) {
            return NONE;
        }
        List<Nested> nested = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SelectedField field : fields) {
            Relation relation = Relations.find(type, field.getName());
            if (relation != null && seen.add(field.getName())) {
                Projection below = relation.childType() == null ? NONE
                        : of(relation.childType(), field.getSelectionSet().getImmediateFields());
                nested.add(new Nested(relation, below));
            }
        }
        return new Projection(type, List.copyOf(nested));
    }

    /** The row map of the node bound to {@code variable}: {@code {node: v {.*}, <nested>}}. */
    String row(String variable) {
        return "{node: " + variable + " {.*}" + entries(variable, 0) + "}";
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
