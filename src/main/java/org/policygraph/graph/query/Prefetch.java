package org.policygraph.graph.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Value;

/**
 * Rows of nested fields that a request's statements have already read, for the rest of that request:
 * the API keeps one per request and answers each nested field ({@link PrefetchedField}) from it, falling
 * back to a batch statement only for parents it does not hold.
 */
public final class Prefetch {

    public Prefetch() {}

    private final Map<String, List<Value>> rows = new ConcurrentHashMap<>();

    void put(Relation<?> relation, String parentKey, List<Value> children) {
        rows.put(relation.id() + "\u0000" + parentKey, children);
    }

    /** The rows of {@code relation} for the parent, or null when they were not read. */
    List<Value> get(Relation<?> relation, String parentKey) {
        return rows.get(relation.id() + "\u0000" + parentKey);
    }
}
