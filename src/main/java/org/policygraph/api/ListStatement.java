package org.policygraph.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One list query as Cypher: {@code match} binds {@code variable}, the filter narrows it, and the
 * page and the total count are two statements over the same MATCH and WHERE.
 */
record ListStatement(String match, Filter filter, String variable, String orderBy) {

    /** A sort criterion as the schema's sort inputs give it. */
    record Sort(String field, String direction) {}

    String page() {
        return match + "\n" + filter.where() + "\nRETURN " + variable + " {.*} AS node\nORDER BY " + orderBy
                + "\nSKIP $offset LIMIT $limit";
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
