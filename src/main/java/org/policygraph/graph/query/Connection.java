package org.policygraph.graph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A Relay connection: one page of edges and its page info. {@link #totalCount()} runs the list's
 * count query only when a query selects it.
 */
public final class Connection<T> {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    private final List<Edge<T>> edges;
    private final PageInfo pageInfo;
    private final LongSupplier totalCount;

    /** {@code rows} holds up to size + 1 nodes: the extra one only tells that a next page exists. */
    Connection(List<T> rows, Pages.PageRequest page, LongSupplier totalCount) {
        List<Edge<T>> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), page.size()); i++) {
            edges.add(new Edge<>(Pages.cursor(page.offset() + i), rows.get(i)));
        }
        this.edges = edges;
        this.pageInfo = new PageInfo(rows.size() > page.size(), page.offset() > 0,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        this.totalCount = totalCount;
    }

    /** No nodes: the answer to a request that matches nothing, without asking the database. */
    public static <T> Connection<T> empty(Pages.PageRequest page) {
        return new Connection<>(List.of(), page, () -> 0);
    }

    public List<Edge<T>> edges() {
        return edges;
    }

    public PageInfo pageInfo() {
        return pageInfo;
    }

    public long totalCount() {
        return totalCount.getAsLong();
    }
}
