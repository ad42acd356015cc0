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
     * The properties of each type's nodes that its fields read: a field of the same name reads that
     * property. A node is read with the properties its selected fields need (and its key), not whole: the
     * API's statements are dominated by reading properties, and a title or a task text is a long string.
     */
    private static final Map<String, Set<String>> PROPERTIES = Map.of(
            "Task", Set.of("key", "ordinal", "label", "title", "text", "truncated", "year"),
            "Document", Set.of("key", "docNumber", "title", "issuer", "issueDate", "year", "level", "stub",
                    "sourceName", "regionCode", "format", "contentHash", "extractorVersion", "loadedAt"),
            "Section", Set.of("key", "ordinal", "label", "title"),
            "Region", Set.of("code", "name", "level"),
            "Department", Set.of("key", "name", "level", "regionCode"),
            "Indicator", Set.of("key", "text", "value", "unit", "comparator", "deadline", "subject"),
            "Pilot", Set.of("key", "level", "levelBasis", "declaredCount", "programme"),
            "Institution", Set.of("key", "name", "regionCode"),
            "Programme", Set.of("name"));

    /** The properties behind the other fields that are worked out from the node itself ({@code type.field}). */
    private static final Map<String, List<String>> COMPUTED = Map.of(
            "Task.documentLevel", List.of("docLevel"),
            "Task.evidence", List.of("text", "start", "end", "docKey"),
            // served from the document's text node, by key; a stub has none
            "Document.text", List.of("stub"),
            "__typename", List.of());

    /** Properties read whatever the selection: what the node's mapper needs (an ordinal is an int). */
    private static final Map<String, List<String>> ALWAYS = Map.of(
            "Task", List.of("ordinal"), "Section", List.of("ordinal"));

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
        Set<String> known = PROPERTIES.getOrDefault(type, Set.of());
        Set<String> properties = new TreeSet<>(needs);
        properties.add(Relation.keyProperty(type));
        properties.addAll(ALWAYS.getOrDefault(type, List.of()));
        boolean whole = known.isEmpty();
        for (Map.Entry<String, Selection> field : new TreeMap<>(selection.fields()).entrySet()) {
            String name = field.getKey();
            Relation<?> relation = Relations.find(type, name);
            if (relation != null) {
                List<Projection> slots = relation.slots().stream().map(slot -> of(slot, field.getValue())).toList();
                nested.add(new Nested(relation, slots, false));
            } else if (known.contains(name)) {
                properties.add(name);
            } else if (COMPUTED.containsKey(type + "." + name) || COMPUTED.containsKey(name)) {
                properties.addAll(COMPUTED.getOrDefault(type + "." + name, List.of()));
            } else {
                // a field this table does not know: the node is read whole, as its mapper may need anything
                whole = true;
            }
        }
        Projection projection = new Projection(type, List.copyOf(nested), whole ? Set.of() : Set.copyOf(properties));
        // A task's evidence is quoted from the task itself.
        return type.equals("Task") ? projection.quoting(selection.get("evidence")) : projection;
    }

    /** The projection of a slot's node, for the selection of the relation's value. */
    private static Projection of(Relation.Slot slot, Selection value) {
        // A node of no type of its own is read for the mapper, which always needs them; a typed node only
        // when the value's evidence, quoted from it, is selected.
        boolean quoting = slot.type() == null || slot.quotes() == null || slot.quotes().isEmpty()
                || value.has(slot.quotes());
        Projection projection = of(slot.type(), slot.via() == null ? value : value.get(slot.via()),
                quoting ? slot.needs() : List.of());
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
