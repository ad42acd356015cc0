package org.policygraph.graph.query;

import java.util.List;
import org.neo4j.driver.Value;

/**
 * A nested field (a {@link Relation}) as the API's data fetchers see it: its value for a parent is in
 * the request's {@link Prefetch} when a statement of the request read it.
 */
public final class PrefetchedField {

    /** What {@link #value} returns for a parent whose rows were not read ahead. */
    public static final Object NOT_READ = new Object();

    private final Relation<?> relation;

    private PrefetchedField(Relation<?> relation) {
        this.relation = relation;
    }

    /** The field {@code type.field}, or null when it is not a relation of the graph. */
    public static PrefetchedField find(String type, String field) {
        Relation<?> relation = Relations.find(type, field);
        return relation == null ? null : new PrefetchedField(relation);
    }

    /** The field's value for the parent from the request's rows, or {@link #NOT_READ}. */
    public Object value(Prefetch prefetch, String parentKey) {
        List<Value> rows = prefetch == null ? null : prefetch.get(relation, parentKey);
        if (rows == null) {
            return NOT_READ;
        }
        if (relation.single()) {
            return rows.isEmpty() ? null : relation.value().apply(rows.get(0));
        }
        return rows.stream().map(relation.value()).toList();
    }
}
