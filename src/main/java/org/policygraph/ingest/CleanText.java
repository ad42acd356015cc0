package org.policygraph.ingest;

/**
 * Text prepared for analysis: markup, page furniture and in-sentence line breaks removed, full-width
 * digits and letters made ASCII, traditional characters made simplified. Every character keeps the
 * offset of the character it came from in the decoded input, so that spans are reported in the original.
 * Paragraphs are separated by a single {@code '\n'}.
 */
public record CleanText(String text, int[] originalOffsets, String original) {

    /** A span [start, end) of the original (canonical) text. */
    public record OriginalSpan(int start, int end) {}

    /** The span in the original input covering clean characters [start, end). */
    public OriginalSpan toOriginal(int start, int end) {
        if (end <= start) {
            int at = start < originalOffsets.length ? originalOffsets[start] : original.length();
            return new OriginalSpan(at, at);
        }
        return new OriginalSpan(originalOffsets[start], originalOffsets[end - 1] + 1);
    }

    public int length() {
        return text.length();
    }

    public String substring(int start, int end) {
        return text.substring(start, end);
    }
}
