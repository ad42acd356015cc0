package org.policygraph.extract;

/**
 * Turns the bytes of one policy document into an {@link Extraction}. Thread-safe; needs no database.
 */
public class PolicyExtractor {

    public Extraction extract(String sourceName, byte[] content) throws ExtractionException {
        throw new ExtractionException(sourceName + ": extractor not implemented yet");
    }
}
