package org.policygraph.corpus;

import org.policygraph.extract.Extraction;
import org.policygraph.extract.PolicyExtractor;
import org.policygraph.ingest.DocumentBounds;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.ingest.PreparedDocument;
import org.policygraph.ingest.UnusableDocumentException;

/** Turns a document's bytes into an extraction: read and prepare (ingest), then extract. */
@FunctionalInterface
public interface DocumentExtractor {

    /**
     * An extraction and the canonical text its spans point into.
     *
     * @param text the document's text as read (null when the extractor does not read one)
     */
    record Extracted(Extraction extraction, String text) {}

    Extracted extract(String sourceName, byte[] content) throws UnusableDocumentException;

    static DocumentExtractor of(PolicyExtractor extractor) {
        return of(extractor, DocumentBounds.NONE);
    }

    /** Refuses documents beyond the bounds before extracting them. */
    static DocumentExtractor of(PolicyExtractor extractor, DocumentBounds bounds) {
        return (sourceName, content) -> {
            PreparedDocument prepared = DocumentPreparer.prepare(content, bounds);
            return new Extracted(extractor.extract(sourceName, prepared), prepared.read().text());
        };
    }
}
