package org.policygraph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.policygraph.reading.DocumentReader;
import org.policygraph.reading.ReadDocument;
import org.policygraph.reading.UnreadableInputException;

/** Reads a document's bytes in whatever format they are, normalizes the text and finds its structure. Thread-safe. */
public final class DocumentPreparer {

    private DocumentPreparer() {}

    public static PreparedDocument prepare(byte[] content) throws UnusableDocumentException {
        return prepare(content, DocumentBounds.NONE);
    }

    public static PreparedDocument prepare(byte[] content, DocumentBounds bounds) throws UnusableDocumentException {
        ReadDocument read;
        try {
            read = DocumentReader.read(content);
        } catch (UnreadableInputException e) {
            throw new UnusableDocumentException(e.getMessage());
        }
        int characters = read.text().length();
        if (characters > bounds.maxCharacters()) {
            throw new UnusableDocumentException(String.format(Locale.ROOT, "too much text: %,d characters, at most %,d are"
                    + " accepted per document (policygraph.ingest.max-characters)", characters, bounds.maxCharacters()));
        }
        CleanText clean = TextNormalizer.normalize(read.text());
        DocumentLayout layout = StructureParser.parse(clean);
        int tasks = layout.tasks().size();
        if (tasks > bounds.maxTasks()) {
            throw new UnusableDocumentException(String.format(Locale.ROOT, "too many tasks: %,d, at most %,d are accepted"
                    + " per document (policygraph.ingest.max-tasks)", tasks, bounds.maxTasks()));
        }
        return new PreparedDocument(read, clean, layout, sha256(content));
    }

    /** The hex SHA-256 of the bytes: a document's content hash, the name of its stored original. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
