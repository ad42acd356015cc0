package org.policygraph.reading;

import java.util.List;

/** Where a reader puts the blocks of a container: the document's lines ({@link CanonicalText}), or one table cell's parts. */
interface BlockSink {
    void paragraph(String text);

    void row(List<String> cells);
}
