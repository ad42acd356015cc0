package org.policygraph.ingest;

import org.policygraph.reading.ReadDocument;

/**
 * A document ready for extraction: what was read from its bytes, the clean text with its offsets into the
 * canonical text, the structure found in it, and the SHA-256 of the bytes (hex).
 */
public record PreparedDocument(ReadDocument read, CleanText clean, DocumentLayout layout, String contentHash) {}
