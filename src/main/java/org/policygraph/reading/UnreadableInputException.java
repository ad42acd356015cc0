package org.policygraph.reading;

/** Input that is not a text document: empty, binary or in no encoding we recognize. */
public class UnreadableInputException extends Exception {
    public UnreadableInputException(String message) {
        super(message);
    }
}
