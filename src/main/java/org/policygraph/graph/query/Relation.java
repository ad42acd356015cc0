package org.policygraph.graph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.neo4j.driver.Value;

/**
 * The graph read behind one nested field ({@code type.field}), written once and used two ways: as a
 * batch statement over many parents ({@link #batchStatement()}), and as a {@code COLLECT} subquery
 * inside the statement of the list that selected it ({@link #collect}), so that a whole request can be
 * answered by one statement.
 *
 * <p>In {@code body}, {@code node}, {@code entries} and {@code order}, {@code parent} is the parent node and
 * a name ending in {@code #} is a variable of this read; {@code #} becomes a suffix unique to the nesting
 * depth. Each row is a map: {@code node} with the child node's properties (all of them, or those the
 * fields below need), then {@code entries}.
 *
 * @param type the GraphQL type that has the field, also the label of its nodes
 * @param field the field's name
 * @param body MATCH (and WHERE) clauses from {@code parent} to the field's values
 * @param node the variable of the child node the row's {@code node} entry holds (e.g. {@code d#}), or null
 *     when the row has no such entry
 * @param entries further entries of the row map that the field's mapper reads (e.g. {@code isRegion:
 *     s#:Region}), or null
 * @param order ORDER BY expressions of the rows, or null
 * @param childType the type of the {@code node} entry when fields below it can be read in the same
 *     statement, else null
 * @param single whether the field holds at most one value (its first row) rather than a list
 * @param value reads the field's value from one row
 */
record Relation<V>(String type, String field, String body, String node, String entries, String order,
        String childType, boolean single, Function<Value, V> value) {

    private static final Pattern PARENT = Pattern.compile("\\bparent\\b");

    /** The property that identifies a node of {@code type}. */
    static String keyProperty(String type) {
        return switch (type) {
            case "Region" -> "code";
            case "Programme" -> "name";
            default -> "key";
        };
    }

    /** The name of this field's entry in a prefetched row map. */
    String id() {
        return type + "_" + field;
    }

    /** Rows for the parents whose keys {@code $keys} lists, with columns {@code key} and {@code row}. */
    String batchStatement() {
        return "UNWIND $keys AS key\nMATCH (parent:" + type + " {" + keyProperty(type) + ": key})\n"
                + local(body, "") + "\nRETURN key, {" + row("", "parent", Projection.NONE, 0) + "} AS row"
                + (order == null ? "" : "\nORDER BY key, " + local(order, ""));
    }

    /**
     * An expression with the rows of this field for the node bound to {@code parentVariable}, each row
     * extended by the fields of {@code below}.
     */
    String collect(String parentVariable, int depth, Projection below) {
        String suffix = "_" + depth;
        return "COLLECT { " + bound(body, suffix, parentVariable)
                + " RETURN {" + row(suffix, parentVariable, below, depth) + "}"
                + (order == null ? "" : " ORDER BY " + bound(order, suffix, parentVariable))
                + " }";
    }

    /**
     * The entries of a row map: the child node as {@code below} projects it and the fields below it
     * that {@code below} reads, then this relation's own entries.
     */
    private String row(String suffix, String parentVariable, Projection below, int depth) {
        List<String> parts = new ArrayList<>();
        if (node != null) {
            String child = bound(node, suffix, parentVariable);
            parts.add("node: " + child + " " + below.nodeMap() + below.entries(child, depth));
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
