package org.policygraph.ingest;

/** A document that cannot be read or holds no recognizable structure; the message is one line a researcher can act on. */
public class UnusableDocumentException extends Exception {
    public UnusableDocumentException(String message) {
        super(message);
    }
}
