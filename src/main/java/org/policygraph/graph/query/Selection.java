package org.policygraph.graph.query;

import java.util.Map;

/**
 * What a request asks of a value: the names of its fields, each with what it asks of that field's
 * value in turn. The API builds it from the GraphQL selection (aliases and fragments merged, so a field
 * selected twice asks for the union of both); graph reads it to decide what one statement reads, and
 * never sees GraphQL's own types. It is a value: equal selections are equal, so statements can be
 * cached per selection shape.
 */
public record Selection(Map<String, Selection> fields) {

    /** Asks for nothing (a scalar field's value, or a call from outside GraphQL). */
    public static final Selection NONE = new Selection(Map.of());

    public Selection {
        fields = Map.copyOf(fields);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** What is asked of {@code field}'s value: {@link #NONE} when the field is not selected. */
    public Selection get(String field) {
        return fields.getOrDefault(field, NONE);
    }

    /** {@code get(path[0]).get(path[1])…} */
    public Selection at(String... path) {
        Selection selection = this;
        for (String field : path) {
            selection = selection.get(field);
        }
        return selection;
    }
}
