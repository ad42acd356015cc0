package org.policygraph.ingest;

/** Text that decodes but holds no recognizable policy-document structure. */
public class UnrecognizedStructureException extends UnusableDocumentException {
    public UnrecognizedStructureException(String message) {
        super(message);
    }
}
