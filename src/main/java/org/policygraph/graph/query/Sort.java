package org.policygraph.graph.query;

/** A sort criterion as the schema's sort inputs give it: a field of the list's sort enum, ASC or DESC. */
public record Sort(String field, String direction) {}
