package org.policygraph.graph;

/**
 * Published by {@link GraphLoader} after a document's transaction has committed; linkers listen for it.
 *
 * @param documentKey the document loaded
 * @param inBatch true when it was loaded by {@link GraphLoader#loadBatch}: a {@link DocumentsLoaded}
 *     for the whole batch follows, and linkers that work per batch wait for that one
 */
public record DocumentLoaded(String documentKey, boolean inBatch) {

    public DocumentLoaded(String documentKey) {
        this(documentKey, false);
    }
}
