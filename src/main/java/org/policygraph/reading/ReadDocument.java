package org.policygraph.reading;

/**
 * A document read from its bytes.
 *
 * @param text the canonical text every span points into
 * @param format the format recognized in the bytes
 * @param charset for TEXT and HTML the decoding used, else null
 */
public record ReadDocument(String text, Format format, String charset) {}
