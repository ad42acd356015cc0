package org.policygraph.ingest;

/**
 * The most one document may hold ({@code policygraph.ingest.max-characters}, {@code max-tasks}): a document beyond
 * either is refused with a clear reason, the characters before the text is analysed. A real notice has tens of
 * thousands of characters and tens of tasks; 7.9 MB of one task repeated once loaded as one document of 14,848 tasks.
 */
public record DocumentBounds(int maxCharacters, int maxTasks) {
    public static final DocumentBounds NONE = new DocumentBounds(Integer.MAX_VALUE, Integer.MAX_VALUE);
}
