package org.policygraph.graph.query;

/** A quoted span of a document; its {@link #key()} is the document's, by which its document is read. */
public record Evidence(String text, int start, int end, String documentKey) implements KeyedNode {

    @Override
    public String key() {
        return documentKey;
    }
}
