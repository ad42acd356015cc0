package org.policygraph.analyst;

import java.util.List;
import java.util.Map;

/**
 * What one ad hoc query returned.
 *
 * @param columns the query's column names, in order
 * @param rows one list of JSON-ready values per record, in column order (nodes, relationships and
 *     paths as maps, temporal values and points as strings)
 * @param graph every node and relationship that occurs anywhere in the rows, once each
 * @param truncated true when the query had more rows than {@code policygraph.analyst.max-rows}
 * @param durationMillis wall-clock time of the query, reading included
 */
public record CypherResult(List<String> columns, List<List<Object>> rows, Graph graph, boolean truncated,
        long durationMillis) {

    /** The nodes and relationships of a result, for a graph view. */
    public record Graph(List<GraphNode> nodes, List<GraphRelationship> relationships) {}

    /** @param id the node's element id */
    public record GraphNode(String id, List<String> labels, Map<String, Object> properties) {}

    /** @param start element id of the start node; {@code end} likewise */
    public record GraphRelationship(String id, String type, String start, String end, Map<String, Object> properties) {}
}
