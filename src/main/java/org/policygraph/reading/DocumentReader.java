package org.policygraph.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads a document in any of the supported formats into its canonical text: one line per paragraph, one line per
 * table row (cells joined by " | "), LF line ends. The format is told by the content, never by a file name. Plain
 * text is returned exactly as decoded, so that offsets into text files keep pointing at the same characters.
 */
public final class DocumentReader {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** How far into a file {@code <html} or {@code <body} makes it a web page. */
    private static final int HTML_SNIFF_BYTES = 1024;
    private static final List<String> HTML_STARTS = List.of("<!doctype html", "<html", "<head", "<meta", "<body", "<!--");
    private static final List<String> HTML_TAGS_ANYWHERE = List.of("<html", "<body");
    private static final String WORD_MAIN_PART = "word/document.xml";
    private static final String WORD_STREAM = "WordDocument";

    private DocumentReader() {}

    public static ReadDocument read(byte[] bytes) throws UnreadableInputException {
        if (bytes.length == 0) {
            throw new UnreadableInputException("empty file");
        }
        return switch (detect(bytes)) {
            case PDF -> new ReadDocument(PdfReader.read(bytes), Format.PDF, null);
            case DOCX -> new ReadDocument(DocxReader.read(bytes), Format.DOCX, null);
            case DOC -> readDoc(bytes);
            case HTML -> HtmlReader.read(bytes);
            case TEXT -> {
                DecodedText decoded = TextDecoder.decode(bytes);
                yield new ReadDocument(decoded.text(), Format.TEXT, decoded.charset().name());
            }
        };
    }

    /** The format of a file by its content (magic bytes, ZIP entry names); a ZIP that is no Word document is refused. */
    static Format detect(byte[] bytes) throws UnreadableInputException {
        if (startsWith(bytes, PDF_MAGIC, markupStart(bytes))) {
            return Format.PDF;
        }
        if (startsWith(bytes, ZIP_MAGIC)) {
            if (!zipHolds(bytes, WORD_MAIN_PART)) { // xlsx, pptx, odt, epub, any other archive
                throw new UnreadableInputException("a ZIP archive that is not a Word document (no " + WORD_MAIN_PART + ")");
            }
            return Format.DOCX;
        }
        if (startsWith(bytes, OLE2_MAGIC)) {
            return Format.DOC;
        }
        return looksLikeHtml(bytes) ? Format.HTML : Format.TEXT;
    }

    private static ReadDocument readDoc(byte[] bytes) throws UnreadableInputException {
        try (POIFSFileSystem file = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = file.getRoot();
            if (!root.hasEntryCaseInsensitive(WORD_STREAM)) {
                throw new UnreadableInputException(otherOle2(root));
            }
            return new ReadDocument(DocReader.read(file), Format.DOC, null);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException("damaged OLE2 (old Microsoft Office) file: " + Errors.reason(e));
        }
    }

    /** Why an OLE2 compound file without a Word stream cannot be read, naming what it is where that is plain. */
    private static String otherOle2(DirectoryNode root) {
        String kind;
        if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
            kind = "a password-protected Office document";
        } else if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
            kind = "an Excel workbook";
        } else if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
            kind = "a PowerPoint presentation";
        } else {
            kind = "an OLE2 compound file";
        }
        return kind + ", not a Word document (no " + WORD_STREAM + " stream)";
    }

    /** Entry names are stored in plain bytes in each local header and in the central directory. */
    private static boolean zipHolds(byte[] bytes, String entryName) {
        return indexOf(bytes, entryName.getBytes(StandardCharsets.US_ASCII), bytes.length) >= 0;
    }

    /** ASCII-compatible markup: after a BOM and white space a tag that opens pages, or html/body tags early on. */
    private static boolean looksLikeHtml(byte[] bytes) {
        int start = markupStart(bytes);
        int length = Math.min(bytes.length - start, HTML_SNIFF_BYTES);
        String head = new String(bytes, start, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String opening : HTML_STARTS) {
            if (head.startsWith(opening)) {
                return true;
            }
        }
        for (String tag : HTML_TAGS_ANYWHERE) {
            int at = head.indexOf(tag);
            if (at >= 0 && (at + tag.length() == head.length() || isTagEnd(head.charAt(at + tag.length())))) {
                return true;
            }
        }
        return false;
    }

    /** Where the content starts after an optional UTF-8 byte-order mark and white space. */
    private static int markupStart(byte[] bytes) {
        int start = startsWith(bytes, UTF8_BOM, 0) ? UTF8_BOM.length : 0;
        while (start < bytes.length && Character.isWhitespace(bytes[start])) {
            start++;
        }
        return start;
    }

    private static boolean isTagEnd(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return startsWith(bytes, prefix, 0);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int offset) {
        if (bytes.length - offset < prefix.length) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (bytes[offset + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int window) {
        int last = Math.min(window, bytes.length - pattern.length + 1);
        for (int i = 0; i < last; i++) {
            if (startsWith(bytes, pattern, i)) {
                return i;
            }
        }
        return -1;
    }
}
