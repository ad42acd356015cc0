package org.policygraph.graph.query;

import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Value;

/**
 * Rows of nested fields that a list statement has already read, for the rest of one GraphQL request:
 * the batch loaders answer from here and query only for parents that are not in it.
 */
final class Prefetch {

    private static final String CONTEXT_KEY = Prefetch.class.getName();

    private final Map<String, List<Value>> rows = new ConcurrentHashMap<>();

    /** The request's prefetched rows; a throwaway store outside a GraphQL request (no context). */
    static Prefetch of(GraphQLContext context) {
        return context == null ? new Prefetch() : context.computeIfAbsent(CONTEXT_KEY, k -> new Prefetch());
    }

    void put(Relation<?> relation, String parentKey, List<Value> children) {
        rows.put(relation.id() + "\u0000" + parentKey, children);
    }

    /** The rows of {@code relation} for the parent, or null when they were not read. */
    List<Value> get(Relation<?> relation, String parentKey) {
        return rows.get(relation.id() + "\u0000" + parentKey);
    }
}
