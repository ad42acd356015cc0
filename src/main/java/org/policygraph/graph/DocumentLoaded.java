package org.policygraph.graph;

/** Published by {@link GraphLoader} after a document's transaction has committed; linkers listen for it. */
public record DocumentLoaded(String documentKey) {}
