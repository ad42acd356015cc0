package org.policygraph.graph;

import java.util.List;

/**
 * Published by {@link GraphLoader#loadBatch} once the documents of a batch are committed, after the
 * {@link DocumentLoaded} of each of them: linkers that can work on several documents at once (task
 * alignment) do it here, once per batch.
 *
 * @param documentKeys the documents loaded, in load order
 */
public record DocumentsLoaded(List<String> documentKeys) {

    public DocumentsLoaded {
        documentKeys = List.copyOf(documentKeys);
    }
}
