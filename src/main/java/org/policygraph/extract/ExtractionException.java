package org.policygraph.extract;

/** A document that cannot be extracted; the message is one line a researcher can act on. */
public class ExtractionException extends Exception {
    public ExtractionException(String message) {
        super(message);
    }
}
