package org.policygraph.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF with a text layer through PDFBox: the text of each page in reading position, running headers and footers
 * and page numbers removed, pages joined, and the spaces PDF exporters put between Chinese and digits removed.
 * Hard line wraps stay line ends: joining lines inside sentences is the normalizer's work.
 */
final class PdfReader {

    /** A page with fewer visible characters than this on average, and with images, is a scan. */
    private static final int MIN_CHARACTERS_PER_PAGE = 20;
    /** How many lines at the top and at the bottom of a page may hold a running header or footer. */
    private static final int MARGIN_LINES = 2;
    /** A line is a running header or footer when it stands in the margin of at least this share of the pages... */
    private static final double RUNNING_LINE_SHARE = 0.5;
    /** ...and of at least this many pages. */
    private static final int RUNNING_LINE_MIN_PAGES = 2;

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String DASH = "[-—–－─~～]";
    /** Page numbers printed alone on a line at a page's edge: — 3 —, - 3 -, 第3页, 第3页 共8页, 3/8, Page 3, 3. */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?:" + DASH + "+\\s*\\d+\\s*" + DASH + "+"
                    + "|第\\s*\\d+\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d+\\s*页)?"
                    + "|\\d+\\s*/\\s*\\d+"
                    + "|(?i:page)\\s*\\d+(?:\\s*(?i:of)\\s*\\d+)?"
                    + "|\\d{1,4})");
    /** A dashed page number (— 3 —) is never text, wherever the exporter put it on the page. */
    private static final Pattern DASHED_PAGE_NUMBER = Pattern.compile(DASH + "+\\s*\\d+\\s*" + DASH + "+");
    private static final String CJK_OR_FULL_WIDTH = "[\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65]";
    private static final Pattern SPACE_AFTER_CJK = Pattern.compile("(?<=" + CJK_OR_FULL_WIDTH + ") +(?=\\d)");
    private static final Pattern SPACE_BEFORE_CJK = Pattern.compile("(?<=\\d) +(?=" + CJK_OR_FULL_WIDTH + ")");

    private PdfReader() {}

    static String read(byte[] bytes) throws UnreadableInputException {
        List<List<String>> pages;
        boolean hasImages;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            pages = pageLines(document);
            hasImages = hasImages(document);
        } catch (InvalidPasswordException e) {
            throw new UnreadableInputException("password-protected PDF file");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException("damaged or unsupported PDF file: " + Errors.reason(e));
        }
        if (pages.isEmpty()) {
            throw new UnreadableInputException("damaged PDF file: it has no pages");
        }
        int visible = 0;
        for (List<String> lines : pages) {
            for (String line : lines) {
                visible += SPACES.matcher(line).replaceAll("").length();
            }
        }
        if (visible == 0 || (hasImages && visible < MIN_CHARACTERS_PER_PAGE * pages.size())) {
            throw new UnreadableInputException("scanned PDF without a text layer; OCR it first");
        }
        Set<String> running = runningLines(pages);
        CanonicalText out = new CanonicalText();
        for (List<String> lines : pages) {
            for (String line : withoutFurniture(lines, running)) {
                for (String field : MetadataLabels.splitFields(line)) { // page prints: 索引号：… 主题分类：…
                    out.paragraph(withoutInjectedSpaces(field));
                }
            }
        }
        return out.finish(Format.PDF);
    }

    private static List<List<String>> pageLines(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setLineSeparator("\n");
        stripper.setPageEnd("");
        stripper.setPageStart("");
        List<List<String>> pages = new ArrayList<>();
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            List<String> lines = new ArrayList<>();
            for (String line : stripper.getText(document).split("\n", -1)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty()) {
                    lines.add(trimmed);
                }
            }
            pages.add(lines);
        }
        return pages;
    }

    private static boolean hasImages(PDDocument document) throws IOException {
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lines (compared modulo digits and spaces) found in the top or bottom margin of most pages. */
    private static Set<String> runningLines(List<List<String>> pages) {
        Map<String, Integer> pagesByLine = new HashMap<>();
        for (List<String> lines : pages) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                if (inMargin(i, lines.size())) {
                    seen.add(key(lines.get(i)));
                }
            }
            seen.forEach(key -> pagesByLine.merge(key, 1, Integer::sum));
        }
        int needed = Math.max(RUNNING_LINE_MIN_PAGES, (int) Math.ceil(pages.size() * RUNNING_LINE_SHARE));
        Set<String> running = new HashSet<>();
        pagesByLine.forEach((key, count) -> {
            if (count >= needed) {
                running.add(key);
            }
        });
        return running;
    }

    /**
     * A page's lines without the running headers, footers and page numbers at its top and bottom edges, and without
     * dashed page numbers wherever the exporter put them.
     */
    private static List<String> withoutFurniture(List<String> lines, Set<String> running) {
        int start = 0;
        int end = lines.size();
        while (start < end && start < MARGIN_LINES && isEdgeFurniture(lines.get(start), running)) {
            start++;
        }
        while (end > start && lines.size() - end < MARGIN_LINES && isEdgeFurniture(lines.get(end - 1), running)) {
            end--;
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines.subList(start, end)) {
            if (!DASHED_PAGE_NUMBER.matcher(line).matches()) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static boolean isEdgeFurniture(String line, Set<String> running) {
        return running.contains(key(line)) || PAGE_NUMBER.matcher(line).matches();
    }

    private static boolean inMargin(int index, int lineCount) {
        return index < MARGIN_LINES || index >= lineCount - MARGIN_LINES;
    }

    private static String key(String line) {
        return DIGITS.matcher(SPACES.matcher(line).replaceAll("")).replaceAll("#");
    }

    /** 〔2024〕9 号 → 〔2024〕9号, 6-10 月 → 6-10月; spaces between Latin words and digits stay. */
    static String withoutInjectedSpaces(String line) {
        return SPACE_BEFORE_CJK.matcher(SPACE_AFTER_CJK.matcher(line).replaceAll("")).replaceAll("");
    }
}
