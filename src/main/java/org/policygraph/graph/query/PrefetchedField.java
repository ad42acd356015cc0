package org.policygraph.graph.query;

import graphql.GraphQLContext;
import java.util.List;
import org.neo4j.driver.Value;

/**
 * A nested field whose rows a list statement reads ahead (a {@link Relation}), as the API's data
 * fetchers see it: its value for a parent is there when the request's list statements read it.
 */
public final class PrefetchedField {

    /** What {@link #value} returns for a parent whose rows were not read ahead. */
    public static final Object NOT_READ = new Object();

    private final Relation<?> relation;

    private PrefetchedField(Relation<?> relation) {
        this.relation = relation;
    }

    /** The field {@code type.field}, or null when no list statement reads it ahead. */
    public static PrefetchedField find(String type, String field) {
        Relation<?> relation = Relations.find(type, field);
        return relation == null ? null : new PrefetchedField(relation);
    }

    /** The field's value for the parent from the request's rows, or {@link #NOT_READ}. */
    public Object value(GraphQLContext context, String parentKey) {
        List<Value> rows = Prefetch.of(context).get(relation, parentKey);
        if (rows == null) {
            return NOT_READ;
        }
        if (relation.single()) {
            return rows.isEmpty() ? null : relation.value().apply(rows.get(0));
        }
        return rows.stream().map(relation.value()).toList();
    }
}
