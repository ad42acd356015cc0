package org.policygraph.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.extractor.Word6Extractor;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Old Word .doc (Word 97–2003) through POI HWPF: the main text's paragraphs in order, tables as rows; field codes
 * are dropped and their results kept. Headers, footers, footnotes and text boxes are other ranges, not read.
 */
final class DocReader {

    private static final char FIELD_BEGIN = '\u0013';
    private static final char FIELD_SEPARATOR = '\u0014';
    private static final char FIELD_END = '\u0015';
    private static final char CELL_MARK = '\u0007';
    private static final char LINE_BREAK = '\u000B';
    private static final char PAGE_BREAK = '\u000C';
    private static final char NON_BREAKING_HYPHEN = '\u001E';
    private static final char PRINTED_NON_BREAKING_HYPHEN = '\u2011';

    private DocReader() {}

    /** Reads the Word document of an OLE2 file that holds a WordDocument stream. */
    static String read(POIFSFileSystem file) throws UnreadableInputException {
        HWPFDocument document;
        try {
            document = new HWPFDocument(file);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableInputException("password-protected DOC file");
        } catch (OldWordFileFormatException e) {
            return word6(file);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException("damaged or unsupported DOC file: " + Errors.reason(e));
        }
        CanonicalText out;
        try {
            out = paragraphsAndTables(document.getRange());
        } catch (RuntimeException e) {
            out = extractorParagraphs(document); // HWPF's own extractor, without table rows
        }
        return out.finish(Format.DOC);
    }

    private static CanonicalText paragraphsAndTables(Range range) {
        CanonicalText out = new CanonicalText();
        int count = range.numParagraphs();
        for (int i = 0; i < count; ) {
            Paragraph paragraph = range.getParagraph(i);
            Table table = paragraph.isInTable() ? tableStartingAt(range, paragraph) : null;
            if (table == null) {
                out.paragraph(printed(paragraph.text()));
                i++;
            } else {
                rows(table, out);
                i += Math.max(1, table.numParagraphs());
            }
        }
        return out;
    }

    private static Table tableStartingAt(Range range, Paragraph paragraph) {
        try {
            return range.getTable(paragraph);
        } catch (IllegalArgumentException notFirstOfATable) {
            return null;
        }
    }

    private static void rows(Table table, CanonicalText out) {
        Map<Integer, String> verticalMergeTextByLeftEdge = new HashMap<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                if (cell.isMerged() && !cell.isFirstMerged()) {
                    continue;
                }
                String text = cellText(cell);
                if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()) {
                    text = verticalMergeTextByLeftEdge.getOrDefault(cell.getLeftEdge(), text);
                } else if (cell.isFirstVerticallyMerged()) {
                    verticalMergeTextByLeftEdge.put(cell.getLeftEdge(), text);
                }
                cells.add(text);
            }
            out.row(cells);
        }
    }

    private static String cellText(TableCell cell) {
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < cell.numParagraphs(); p++) {
            parts.add(printed(cell.getParagraph(p).text()));
        }
        return CanonicalText.cell(parts);
    }

    private static CanonicalText extractorParagraphs(HWPFDocument document) {
        CanonicalText out = new CanonicalText();
        try (WordExtractor extractor = new WordExtractor(document)) {
            for (String paragraph : extractor.getParagraphText()) {
                out.paragraph(printed(withoutParagraphEnd(paragraph)));
            }
        } catch (IOException e) {
            // closing an in-memory document does not fail
        }
        return out;
    }

    /** The extractors end each paragraph with CR LF. */
    private static String withoutParagraphEnd(String paragraph) {
        int end = paragraph.length();
        while (end > 0 && (paragraph.charAt(end - 1) == '\r' || paragraph.charAt(end - 1) == '\n')) {
            end--;
        }
        return paragraph.substring(0, end);
    }

    private static String word6(POIFSFileSystem file) throws UnreadableInputException {
        CanonicalText out = new CanonicalText();
        try (Word6Extractor extractor = new Word6Extractor(file)) {
            for (String paragraph : extractor.getParagraphText()) {
                out.paragraph(printed(withoutParagraphEnd(paragraph)));
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException("damaged or unsupported DOC file (Word 6/95): " + Errors.reason(e));
        }
        return out.finish(Format.DOC);
    }

    /**
     * The printed characters of a stretch of Word text: field instructions dropped and field results kept (fields
     * nest), paragraph and cell marks dropped, a manual line break as a line end, page breaks as line ends, other
     * control characters (picture and footnote anchors) dropped later by {@link CanonicalText}.
     */
    static String printed(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<Boolean> openFields = new ArrayList<>(); // per open field: whether its result part has begun
        int inInstructions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case FIELD_BEGIN -> {
                    openFields.add(false);
                    inInstructions++;
                }
                case FIELD_SEPARATOR -> {
                    int last = openFields.size() - 1;
                    if (last >= 0 && !openFields.get(last)) {
                        openFields.set(last, true);
                        inInstructions--;
                    }
                }
                case FIELD_END -> {
                    if (!openFields.isEmpty() && !openFields.remove(openFields.size() - 1)) {
                        inInstructions--;
                    }
                }
                default -> {
                    if (inInstructions == 0) {
                        append(out, c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, char c) {
        switch (c) {
            case '\r', CELL_MARK -> { }
            case LINE_BREAK, PAGE_BREAK -> out.append('\n');
            case NON_BREAKING_HYPHEN -> out.append(PRINTED_NON_BREAKING_HYPHEN);
            default -> out.append(c);
        }
    }
}
