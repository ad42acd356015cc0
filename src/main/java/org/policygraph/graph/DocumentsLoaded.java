package org.policygraph.graph;

import java.util.List;

/**
 * Published by {@link GraphLoader} once documents are committed, for what caches the graph's contents
 * (the vocabulary questions are read against). Linking does not listen: the ingestion service runs it
 * as the stage after loading.
 *
 * @param documentKeys the documents loaded, in load order
 */
public record DocumentsLoaded(List<String> documentKeys) {

    public DocumentsLoaded {
        documentKeys = List.copyOf(documentKeys);
    }
}
