package org.policygraph.analyst;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/**
 * Turns driver values into JSON-ready Java values, and gathers the nodes and relationships met on
 * the way (once each, by element id) for the graph view of a result.
 */
final class CypherValues {

    private final Map<String, CypherResult.GraphNode> nodes = new LinkedHashMap<>();
    private final Map<String, CypherResult.GraphRelationship> relationships = new LinkedHashMap<>();

    Object convert(Value value) {
        return convertObject(value.asObject());
    }

    CypherResult.Graph graph() {
        return new CypherResult.Graph(List.copyOf(nodes.values()), List.copyOf(relationships.values()));
    }

    private Object convertObject(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Node node) {
            return node(node);
        }
        if (value instanceof Relationship relationship) {
            return relationship(relationship);
        }
        if (value instanceof Path path) {
            List<Object> pathNodes = new ArrayList<>();
            path.nodes().forEach(n -> pathNodes.add(node(n)));
            List<Object> pathRelationships = new ArrayList<>();
            path.relationships().forEach(r -> pathRelationships.add(relationship(r)));
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("nodes", pathNodes);
            map.put("relationships", pathRelationships);
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(item -> converted.add(convertObject(item)));
            return converted;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), convertObject(v)));
            return converted;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        // Dates, times, durations, points: their ISO / WKT-like text.
        return value.toString();
    }

    private CypherResult.GraphNode node(Node node) {
        return nodes.computeIfAbsent(node.elementId(), id -> {
            List<String> labels = new ArrayList<>();
            node.labels().forEach(labels::add);
            return new CypherResult.GraphNode(id, labels, properties(node.asMap()));
        });
    }

    private CypherResult.GraphRelationship relationship(Relationship relationship) {
        return relationships.computeIfAbsent(relationship.elementId(), id -> new CypherResult.GraphRelationship(id,
                relationship.type(), relationship.startNodeElementId(), relationship.endNodeElementId(),
                properties(relationship.asMap())));
    }

    /** Properties sorted by name, so that the same entity always reads the same. */
    private Map<String, Object> properties(Map<String, Object> properties) {
        Map<String, Object> sorted = new TreeMap<>();
        properties.forEach((k, v) -> sorted.put(k, convertObject(v)));
        return sorted;
    }
}
