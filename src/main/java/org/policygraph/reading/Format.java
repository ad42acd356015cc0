package org.policygraph.reading;

/** The formats {@link DocumentReader} recognizes by the content of a file. */
public enum Format {
    TEXT, HTML, DOCX, DOC, PDF
}
