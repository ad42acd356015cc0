package org.policygraph.graph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.neo4j.driver.Value;

/**
 * What one statement reads of a node for a {@link Selection}: the node's properties, and each selected
 * field that is a {@link Relation} as a {@code COLLECT} subquery inside the node's map, recursively. The
 * fields are taken in name order, so that equal selections give the same Cypher (and the same cached
 * plan).
 */
record Projection(String type, List<Nested> nested, Set<String> properties) {

    /**
     * A relation read below the node, with one projection per slot of its rows; {@code byDocument} when its
     * rows are those of the document of evidence quoted from the node, kept under that document's key.
     */
    record Nested(Relation<?> relation, List<Projection> slots, boolean byDocument) {}

    /** The node alone, with all its properties. */
    static final Projection NONE = new Projection(null, List.of(), Set.of());

    /**
     * The properties behind each scalar field of Task, whose text and verbatim source are long: a task
     * is read with the properties its selected fields need, plus its key and ordinal. Nodes of other
     * types are small and read whole.
     */
    private static final Map<String, List<String>> TASK_PROPERTIES = Map.of(
            "label", List.of("label"), "title", List.of("title"), "text", List.of("text"),
            "truncated", List.of("truncated"), "year", List.of("year"), "documentLevel", List.of("docLevel"),
            "evidence", List.of("text", "start", "end", "docKey"));

    static Projection of(String type, Selection selection) {
        return of(type, selection, List.of());
    }

    /**
     * The projection of a node of {@code type} for {@code selection}, reading {@code needs} too; of a node
     * of no type (read for its relation's mapper alone), {@code needs} or all its properties.
     */
    static Projection of(String type, Selection selection, List<String> needs) {
        if (type == null) {
            return needs.isEmpty() ? NONE : new Projection(null, List.of(), Set.copyOf(needs));
        }
        List<Nested> nested = new ArrayList<>();
        Set<String> properties = new TreeSet<>(List.of("key", "ordinal"));
        properties.addAll(needs);
        for (Map.Entry<String, Selection> field : new TreeMap<>(selection.fields()).entrySet()) {
            properties.addAll(TASK_PROPERTIES.getOrDefault(field.getKey(), List.of()));
            Relation<?> relation = Relations.find(type, field.getKey());
            if (relation != null) {
                List<Projection> slots = relation.slots().stream().map(slot -> of(slot, field.getValue())).toList();
                nested.add(new Nested(relation, slots, false));
            }
        }
        Projection projection = new Projection(type, List.copyOf(nested),
                type.equals("Task") ? Set.copyOf(properties) : Set.of());
        // A task's evidence is quoted from the task itself.
        return type.equals("Task") ? projection.quoting(selection.get("evidence")) : projection;
    }

    /** The projection of a slot's node, for the selection of the relation's value. */
    private static Projection of(Relation.Slot slot, Selection value) {
        Projection projection = of(slot.type(), slot.via() == null ? value : value.get(slot.via()), slot.needs());
        return slot.quotes() == null ? projection
                : projection.quoting(slot.quotes().isEmpty() ? value : value.get(slot.quotes()));
    }

    /** This projection reading as well the document of evidence quoted from the node, when {@code evidence} asks for it. */
    private Projection quoting(Selection evidence) {
        if (!evidence.has("document") || nested.stream().anyMatch(Nested::byDocument)) {
            return this;
        }
        List<Nested> all = new ArrayList<>(nested);
        all.add(new Nested(Relations.EVIDENCE_DOCUMENT, List.of(of("Document", evidence.get("document"))), true));
        return new Projection(type, List.copyOf(all), properties);
    }

    /**
     * The map of the node bound to {@code variable} at nesting {@code depth}: its properties (those needed,
     * or all of them) and an entry per nested relation.
     */
    String map(String variable, int depth) {
        List<String> parts = new ArrayList<>();
        if (properties.isEmpty()) {
            parts.add(".*");
        } else {
            properties.stream().sorted().map(p -> "." + p).forEach(parts::add);
        }
        for (Nested n : nested) {
            parts.add(n.relation().id() + ": " + n.relation().collect(variable, depth + 1, n.slots()));
        }
        return variable + " {" + String.join(", ", parts) + "}";
    }

    /** Stores the rows of the nested relations of {@code node} (a map {@link #map} wrote) in {@code prefetch}. */
    void register(Value node, Prefetch prefetch) {
        if (nested.isEmpty()) {
            return;
        }
        String key = type == null ? null : node.get(Relation.keyProperty(type)).asString(null);
        for (Nested n : nested) {
            List<Value> children = node.get(n.relation().id()).asList(v -> v);
            if (n.byDocument()) {
                children.forEach(child -> prefetch.put(n.relation(), child.get("node").get("key").asString(), List.of(child)));
            } else if (key != null) {
                prefetch.put(n.relation(), key, children);
            }
            List<Relation.Slot> slots = n.relation().slots();
            for (Value child : children) {
                for (int i = 0; i < slots.size(); i++) {
                    n.slots().get(i).register(child.get(slots.get(i).entry()), prefetch);
                }
            }
        }
    }
}
