package org.policygraph.graph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.neo4j.driver.Value;

/**
 * The graph read behind one nested field ({@code type.field}): every nested field of the API is one of
 * these (see {@link Relations}), written once and used two ways: as a {@code COLLECT} subquery inside the
 * statement of the root field that selected it ({@link #collect}), so that a request is answered by one
 * statement per root field, and as a batch statement over many parents ({@link #batchStatement()}) for
 * parents that no statement reached that way.
 *
 * <p>In {@code body}, {@code slots} and {@code entries} and {@code order}, {@code parent} is the parent node
 * and a name ending in {@code #} is a variable of this read; {@code #} becomes a suffix unique to the
 * nesting depth. Each row is a map with one entry per slot (a node, read with the properties its fields
 * need and the fields below it that the same statement reads), then {@code entries}.
 *
 * @param type the GraphQL type that has the field
 * @param field the field's name
 * @param parent how the batch statement finds a parent from its key {@code key}
 * @param body MATCH (and WHERE) clauses from {@code parent} to the field's values
 * @param slots the nodes of a row
 * @param entries further entries of the row map that the field's mapper reads (e.g. {@code isRegion:
 *     s#:Region}), or null
 * @param order ORDER BY expressions of the rows, or null
 * @param single whether the field holds at most one value (its first row) rather than a list
 * @param value reads the field's value from one row
 */
record Relation<V>(String type, String field, String parent, String body, List<Slot> slots, String entries,
        String order, boolean single, Function<Value, V> value) {

    /**
     * A node of a row.
     *
     * @param entry its entry in the row map
     * @param variable its variable in {@code body} (e.g. {@code d#}, or {@code parent})
     * @param type its GraphQL type when the fields selected below it are read by the same statement; null
     *     when the node is read whole and the fields below it are left to their own relations
     * @param via the field of the value under which the node's fields are selected (as {@code department}
     *     of an Assignment); null when they are selected on the value itself
     * @param needs properties the mapper reads whatever the selection (e.g. to quote evidence from a task;
     *     with {@code quotes} a field, only when that field is selected)
     * @param quotes the field of the value that holds {@link Evidence} quoted from this node ("" when the
     *     value is that evidence), whose document the same statement can read; null when there is none
     */
    record Slot(String entry, String variable, String type, String via, List<String> needs, String quotes) {

        /** The row's {@code node}, the value itself. */
        static Slot node(String variable, String type) {
            return new Slot("node", variable, type, null, List.of(), null);
        }

        /** A node of the row whose fields are selected under the value's field {@code via}. */
        static Slot under(String via, String variable, String type, String... needs) {
            return new Slot(via, variable, type, via, List.of(needs), null);
        }

        /** A node read whole, for the mapper alone. */
        static Slot whole(String entry, String variable) {
            return new Slot(entry, variable, null, null, List.of(), null);
        }

        /**
         * A node of no GraphQL type of its own from which the value's {@code field} quotes its evidence
         * ("": the value is that evidence), read with the properties quoting needs.
         */
        static Slot quoted(String entry, String variable, String field) {
            return new Slot(entry, variable, null, null, Relations.QUOTED_TASK, field);
        }
    }

    private static final Pattern PARENT = Pattern.compile("\\bparent\\b");

    /** The property that identifies a node of {@code type}. */
    static String keyProperty(String type) {
        return switch (type) {
            case "Region" -> "code";
            case "Programme" -> "name";
            default -> "key";
        };
    }

    /** The batch statement's parent: the node of {@code type} with the key. */
    static String parentOf(String type) {
        return "(parent:" + type + " {" + keyProperty(type) + ": key})";
    }

    /** The name of this field's entry in a row map. */
    String id() {
        return type + "_" + field;
    }

    /** Rows for the parents whose keys {@code $keys} lists, with columns {@code key} and {@code row}. */
    String batchStatement() {
        List<Projection> none = slots.stream().map(s -> Projection.NONE).toList();
        return "UNWIND $keys AS key\nMATCH " + parent + (body.isEmpty() ? "" : "\n" + local(body, ""))
                + "\nRETURN key, {" + row("", "parent", none, 0) + "} AS row"
                + (order == null ? "" : "\nORDER BY key, " + local(order, ""));
    }

    /**
     * An expression with the rows of this field for the node bound to {@code parentVariable}, each slot's
     * node extended by the fields {@code below} (one projection per slot) reads.
     */
    String collect(String parentVariable, int depth, List<Projection> below) {
        String suffix = "_" + depth;
        return "COLLECT { " + bound(body, suffix, parentVariable)
                + " RETURN {" + row(suffix, parentVariable, below, depth) + "}"
                + (order == null ? "" : " ORDER BY " + bound(order, suffix, parentVariable))
                + " }";
    }

    /** The entries of a row map: each slot's node as its projection reads it, then this relation's own entries. */
    private String row(String suffix, String parentVariable, List<Projection> below, int depth) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            parts.add(slot.entry() + ": " + below.get(i).map(bound(slot.variable(), suffix, parentVariable), depth));
        }
        if (entries != null) {
            parts.add(bound(entries, suffix, parentVariable));
        }
        return String.join(", ", parts);
    }

    private static String local(String cypher, String suffix) {
        return cypher.replace("#", suffix);
    }

    /** {@code cypher} with its own variables suffixed and {@code parent} named {@code parentVariable}. */
    private static String bound(String cypher, String suffix, String parentVariable) {
        return PARENT.matcher(local(cypher, suffix)).replaceAll(parentVariable);
    }
}
