package org.policygraph.graph.query;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One list query as Cypher: {@code match} binds {@code variable}, the filter narrows it; one statement
 * reads the page, its nested fields and, when asked, the total count.
 */
record ListStatement(String match, Filter filter, String variable, String orderBy) {

    /**
     * The page as node maps written by {@code projection}: one per node ({@code row}), or, when
     * {@code counted}, one record with the total and the page's rows ({@code total}, {@code rows}).
     */
    String page(Projection projection, boolean counted) {
        String matched = match + "\n" + filter.where();
        String page = "WITH " + variable + " ORDER BY " + orderBy + " SKIP $offset LIMIT $limit";
        if (!counted) {
            return matched + "\n" + page + "\nRETURN " + projection.map(variable, 0) + " AS row";
        }
        // Counted before sorting: ORDER BY with LIMIT keeps only the top rows instead of sorting them all.
        return matched + "\nWITH collect(" + variable + ") AS matched"
                + "\nCALL (matched) { UNWIND matched AS " + variable + "\n" + page
                + "\nRETURN collect(" + projection.map(variable, 0) + ") AS rows }"
                + "\nRETURN size(matched) AS total, rows";
    }

    String count() {
        return match + "\n" + filter.where() + "\nRETURN count(" + variable + ") AS total";
    }

    /**
     * ORDER BY for the requested sort: each field maps to a fixed expression of {@code fields};
     * {@code tiebreak} keeps pages stable.
     */
    static String orderBy(List<Sort> sort, Map<String, String> fields, String defaultOrder, String tiebreak) {
        if (sort == null || sort.isEmpty()) {
            return defaultOrder + ", " + tiebreak;
        }
        return sort.stream()
                .map(s -> fields.get(s.field()) + ("DESC".equals(s.direction()) ? " DESC" : " ASC"))
                .collect(Collectors.joining(", ")) + ", " + tiebreak;
    }
}
