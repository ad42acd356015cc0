package org.policygraph.analyst;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.Label;
import org.neo4j.values.AnyValue;
import org.neo4j.values.SequenceValue;
import org.neo4j.values.ValueMapper;
import org.neo4j.values.storable.ByteArray;
import org.neo4j.values.virtual.MapValue;

/**
 * Turns result values into JSON-ready Java values, gathers the nodes and relationships met on the way
 * (once each, by element id) for the graph view of a result, and charges every value to the query's
 * {@link ResultBudget} as it goes.
 *
 * <p>Values come from the driver ({@link Value}, already decoded) or from the embedded database
 * ({@link AnyValue}). The embedded database's lists and maps are read element by element, never
 * copied whole first: {@code range(1, 30000000)} is a lazy list there, and the budget stops reading
 * it after a few megabytes instead of materialising 30 million numbers.
 */
final class CypherValues {

    /** JSON punctuation: brackets or braces around a container, a comma or a colon. */
    private static final long CONTAINER_BYTES = 2;
    private static final long SEPARATOR_BYTES = 1;
    private static final long NULL_BYTES = 4;

    private final ResultBudget budget;
    private final Map<String, CypherResult.GraphNode> nodes = new LinkedHashMap<>();
    private final Map<String, CypherResult.GraphRelationship> relationships = new LinkedHashMap<>();
    /** Bytes of each node's and relationship's JSON, charged again wherever it occurs in a row. */
    private final Map<String, Long> entityBytes = new HashMap<>();

    CypherValues(ResultBudget budget) {
        this.budget = budget;
    }

    /** A value from the driver. */
    Object convert(Value value) {
        return convertObject(value.asObject());
    }

    /**
     * A value from the embedded database; {@code mapper} turns nodes, relationships, paths and scalars
     * into the embedded API's Java objects (within the query's transaction).
     */
    Object convert(AnyValue value, ValueMapper<Object> mapper) {
        if (value instanceof ByteArray) {
            return convertObject(value.map(mapper));
        }
        if (value instanceof SequenceValue list) {
            budget.charge(CONTAINER_BYTES);
            List<Object> converted = new ArrayList<>();
            for (AnyValue item : list) {
                budget.charge(SEPARATOR_BYTES);
                converted.add(convert(item, mapper));
            }
            return converted;
        }
        if (value instanceof MapValue map) {
            budget.charge(CONTAINER_BYTES);
            Map<String, Object> converted = new LinkedHashMap<>();
            map.foreach((key, item) -> {
                budget.charge(ResultBudget.jsonString(key) + 2 * SEPARATOR_BYTES);
                converted.put(key, convert(item, mapper));
            });
            return converted;
        }
        return convertObject(value.map(mapper));
    }

    CypherResult.Graph graph() {
        return new CypherResult.Graph(List.copyOf(nodes.values()), List.copyOf(relationships.values()));
    }

    private Object convertObject(Object value) {
        if (value == null) {
            budget.charge(NULL_BYTES);
            return null;
        }
        if (value instanceof String text) {
            budget.charge(ResultBudget.jsonString(text));
            return text;
        }
        if (value instanceof Boolean || value instanceof Number) {
            budget.charge(String.valueOf(value).length());
            return value;
        }
        if (value instanceof org.neo4j.driver.types.Node node) {
            return node(node.elementId(), () -> node.labels(), node::asMap);
        }
        if (value instanceof org.neo4j.graphdb.Node node) {
            return node(node.getElementId(), () -> labelNames(node.getLabels()), node::getAllProperties);
        }
        if (value instanceof org.neo4j.driver.types.Relationship r) {
            return relationship(r.elementId(), r.type(), r.startNodeElementId(), r.endNodeElementId(), r::asMap);
        }
        if (value instanceof org.neo4j.graphdb.Relationship r) {
            return relationship(r.getElementId(), r.getType().name(), r.getStartNode().getElementId(),
                    r.getEndNode().getElementId(), r::getAllProperties);
        }
        if (value instanceof org.neo4j.driver.types.Path path) {
            return path(path.nodes(), path.relationships());
        }
        if (value instanceof org.neo4j.graphdb.Path path) {
            return path(path.nodes(), path.relationships());
        }
        if (value instanceof Iterable<?> list) {
            return list(list.iterator());
        }
        if (value instanceof Map<?, ?> map) {
            budget.charge(CONTAINER_BYTES);
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                budget.charge(ResultBudget.jsonString(key) + 2 * SEPARATOR_BYTES);
                converted.put(key, convertObject(v));
            });
            return converted;
        }
        if (value instanceof byte[] bytes) {
            String text = Base64.getEncoder().encodeToString(bytes);
            budget.charge(ResultBudget.jsonString(text));
            return text;
        }
        if (value.getClass().isArray()) {
            // Array properties of the embedded database (long[], String[] ...); the driver gives lists.
            return list(new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < Array.getLength(value);
                }

                @Override
                public Object next() {
                    return Array.get(value, next++);
                }
            });
        }
        // Dates, times, durations, points: their ISO / WKT-like text.
        String text = value.toString();
        budget.charge(ResultBudget.jsonString(text));
        return text;
    }

    private List<Object> list(Iterator<?> items) {
        budget.charge(CONTAINER_BYTES);
        List<Object> converted = new ArrayList<>();
        while (items.hasNext()) {
            budget.charge(SEPARATOR_BYTES);
            converted.add(convertObject(items.next()));
        }
        return converted;
    }

    private Map<String, Object> path(Iterable<?> pathNodes, Iterable<?> pathRelationships) {
        budget.charge(CONTAINER_BYTES);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nodes", list(pathNodes.iterator()));
        map.put("relationships", list(pathRelationships.iterator()));
        return map;
    }

    /** The node's JSON, built and charged once for the graph view, and charged again for each row it is in. */
    private CypherResult.GraphNode node(String id, Supplier<Iterable<String>> labels,
            Supplier<Map<String, Object>> properties) {
        CypherResult.GraphNode node = nodes.get(id);
        if (node == null) {
            long before = budget.used();
            budget.charge(ResultBudget.jsonString(id));
            List<String> names = new ArrayList<>();
            for (String label : labels.get()) {
                budget.charge(ResultBudget.jsonString(label) + SEPARATOR_BYTES);
                names.add(label);
            }
            node = new CypherResult.GraphNode(id, names, properties(properties.get()));
            nodes.put(id, node);
            entityBytes.put(id, budget.used() - before);
        }
        budget.charge(entityBytes.get(id));
        return node;
    }

    private CypherResult.GraphRelationship relationship(String id, String type, String start, String end,
            Supplier<Map<String, Object>> properties) {
        CypherResult.GraphRelationship relationship = relationships.get(id);
        if (relationship == null) {
            long before = budget.used();
            budget.charge(ResultBudget.jsonString(id) + ResultBudget.jsonString(type) + ResultBudget.jsonString(start)
                    + ResultBudget.jsonString(end));
            relationship = new CypherResult.GraphRelationship(id, type, start, end, properties(properties.get()));
            relationships.put(id, relationship);
            entityBytes.put(id, budget.used() - before);
        }
        budget.charge(entityBytes.get(id));
        return relationship;
    }

    /** Properties sorted by name, so that the same entity always reads the same. */
    private Map<String, Object> properties(Map<String, Object> properties) {
        budget.charge(CONTAINER_BYTES);
        Map<String, Object> sorted = new TreeMap<>();
        properties.forEach((k, v) -> {
            budget.charge(ResultBudget.jsonString(k) + 2 * SEPARATOR_BYTES);
            sorted.put(k, convertObject(v));
        });
        return sorted;
    }

    private static List<String> labelNames(Iterable<Label> labels) {
        List<String> names = new ArrayList<>();
        labels.forEach(label -> names.add(label.name()));
        return names;
    }
}
