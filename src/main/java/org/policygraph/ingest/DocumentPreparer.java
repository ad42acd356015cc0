package org.policygraph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.policygraph.reading.DocumentReader;
import org.policygraph.reading.ReadDocument;
import org.policygraph.reading.UnreadableInputException;

/** Reads a document's bytes in whatever format they are, normalizes the text and finds its structure. Thread-safe. */
public final class DocumentPreparer {

    private DocumentPreparer() {}

    public static PreparedDocument prepare(byte[] content) throws UnusableDocumentException {
        ReadDocument read;
        try {
            read = DocumentReader.read(content);
        } catch (UnreadableInputException e) {
            throw new UnusableDocumentException(e.getMessage());
        }
        CleanText clean = TextNormalizer.normalize(read.text());
        return new PreparedDocument(read, clean, StructureParser.parse(clean), sha256(content));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
