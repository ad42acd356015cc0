package org.policygraph.graph.query;

/** A node the API reads nested fields of: {@link #key()} is its key property ({@link Relation#keyProperty}). */
public interface KeyedNode {
    String key();
}
