package org.policygraph.reading;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An HTML page of a policy document through jsoup: the page's metadata block (索引号, 发文机关, 文号, …) as
 * {@code label：value} lines, then the article body, without the site's navigation, breadcrumbs, share buttons
 * and footer. Blocks become lines, tables rows of cells.
 */
final class HtmlReader {

    /** How far into the file a {@code <meta charset>} declaration is looked for. */
    private static final int CHARSET_SNIFF_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Pages declaring these are decoded as GB18030, their superset: GB2312 pages often hold GBK characters. */
    private static final Set<String> CHINESE_CHARSETS = Set.of("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "gb18030");

    private static final String FURNITURE_TAGS =
            "script, style, nav, header, footer, aside, form, noscript, iframe, template, svg, button, select, object, embed";
    private static final Pattern FURNITURE_NAME = Pattern.compile(
            "nav|menu|breadcrumb|crumb|share|footer|header|sidebar|login|search");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    /** Furniture holding more than this share of the page's Chinese is a wrapper misnamed, not furniture. */
    private static final double MAX_FURNITURE_SHARE = 0.5;

    /** Class and id fragments of the article containers of common Chinese CMSs (TRS, 政务公开 templates, …). */
    private static final List<String> CONTENT_NAMES = List.of(
            "trs_editor", "article", "content", "zoom", "main", "detail", "text", "pages_content", "wenzhang", "zw");
    /** A content container is narrowed to an inner one that holds at least this share of its Chinese. */
    private static final double NARROWING_SHARE = 0.8;

    private static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
            "section", "article", "main", "center", "address", "figure", "figcaption", "hr", "caption", "fieldset",
            "details", "summary", "tr", "td", "th", "tbody", "thead", "tfoot", "body", "html");
    private static final Set<String> CELL_TAGS = Set.of("td", "th");
    private static final int MAX_SPAN = 1000;
    private static final Pattern COLLAPSIBLE_SPACE = Pattern.compile("[ \\t\\n\\r\\f]+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static final int MIN_METADATA_LABELS = 2;
    /** A block longer than this that shows the labels is an article quoting them, not the metadata block. */
    private static final int MAX_METADATA_CHARACTERS = 1000;

    private HtmlReader() {}

    private record Decoded(String html, String charset) {}

    private record Span(String text, int rowsLeft, int columns) {}


    static ReadDocument read(byte[] bytes) throws UnreadableInputException {
        Decoded decoded = decode(bytes);
        Document page = Jsoup.parse(decoded.html());
        Element body = page.body();
        CanonicalText out = new CanonicalText();
        metadata(body).forEach((label, value) -> out.paragraph(label + "：" + value));
        removeFurniture(body);
        Element article = article(body);
        new BlockWriter(out).write(article);
        return new ReadDocument(out.finish(Format.HTML), Format.HTML, decoded.charset());
    }

    // ---- decoding -------------------------------------------------------------------------------------------

    /** A byte-order mark wins, then a {@code <meta>} charset that decodes cleanly, then the text decoder's guess. */
    private static Decoded decode(byte[] bytes) throws UnreadableInputException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            DecodedText text = TextDecoder.decode(bytes);
            return new Decoded(text.text(), text.charset().name());
        }
        String head = new String(bytes, 0, Math.min(bytes.length, CHARSET_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher meta = META_CHARSET.matcher(head);
        Charset declared = meta.find() ? charset(meta.group(1)) : null;
        if (declared != null) {
            try {
                String html = declared.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                return new Decoded(html, declared.name());
            } catch (CharacterCodingException wrongDeclaration) {
                // the page is not in the charset it declares: guess from the bytes
            }
        }
        DecodedText text = TextDecoder.decode(bytes);
        return new Decoded(text.text(), text.charset().name());
    }

    private static Charset charset(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CHINESE_CHARSETS.contains(lower)) {
            return GB18030;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    // ---- metadata block -------------------------------------------------------------------------------------

    /**
     * The page's metadata block, {@code label → value} in page order, one per label; the block is removed from the
     * page so that it is not read again as part of the body.
     */
    private static Map<String, String> metadata(Element body) {
        Map<String, String> found = new LinkedHashMap<>();
        int most = labelsIn(body).size();
        if (most < MIN_METADATA_LABELS) {
            return found;
        }
        Element block = body;
        boolean narrowed = true;
        while (narrowed) {
            narrowed = false;
            for (Element child : block.children()) {
                if (labelsIn(child).size() == most) {
                    block = child;
                    narrowed = true;
                    break;
                }
            }
        }
        if (block.text().length() > MAX_METADATA_CHARACTERS) {
            return found;
        }
        List<String> tokens = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        new BlockWriter(new BlockSink() {
            @Override
            public void paragraph(String text) {
                segments.add(text);
            }

            @Override
            public void row(List<String> cells) {
                segments.addAll(cells);
            }
        }).write(block);
        for (String segment : segments) {
            Matcher label = MetadataLabels.WITH_COLON.matcher(segment);
            int start = 0;
            while (label.find()) {
                if (label.start() > start) {
                    tokens.add(segment.substring(start, label.start()).strip());
                }
                start = label.start();
            }
            tokens.add(segment.substring(start).strip());
        }
        for (int i = 0; i < tokens.size(); i++) {
            Matcher label = MetadataLabels.WITH_OR_WITHOUT_COLON.matcher(tokens.get(i));
            if (!label.lookingAt()) {
                continue;
            }
            String name = MetadataLabels.name(label.group(1));
            String value = tokens.get(i).substring(label.end()).strip();
            boolean valueInNextCell = value.isEmpty() && i + 1 < tokens.size()
                    && !MetadataLabels.WITH_OR_WITHOUT_COLON.matcher(tokens.get(i + 1)).lookingAt();
            if (valueInNextCell) {
                value = tokens.get(++i);
            }
            if (!value.isEmpty()) {
                found.putIfAbsent(name, value);
            }
        }
        if (block != body) {
            block.remove();
        }
        return found;
    }

    /** The metadata labels an element shows: followed by a colon, or as the whole text of a cell or item. */
    private static Set<String> labelsIn(Element element) {
        Set<String> labels = new HashSet<>();
        Matcher withColon = MetadataLabels.WITH_COLON.matcher(element.text());
        while (withColon.find()) {
            labels.add(MetadataLabels.name(withColon.group(1)));
        }
        for (Element cell : element.select("td, th, dt, li, label, span, b, strong")) {
            String text = MetadataLabels.name(cell.text());
            if (MetadataLabels.LABELS.contains(text)) {
                labels.add(text);
            }
        }
        return labels;
    }

    // ---- furniture and article ------------------------------------------------------------------------------

    private static void removeFurniture(Element body) {
        int pageHan = han(body);
        for (Element element : body.select(FURNITURE_TAGS)) {
            removeUnlessWrapper(element, pageHan);
        }
        for (Element element : body.getAllElements()) {
            if (element == body || element.parent() == null) {
                continue;
            }
            String names = (element.id() + " " + element.className()).toLowerCase(Locale.ROOT);
            String style = element.attr("style").toLowerCase(Locale.ROOT);
            if (FURNITURE_NAME.matcher(names).find() || HIDDEN_STYLE.matcher(style).find()) {
                removeUnlessWrapper(element, pageHan);
            }
        }
    }

    private static void removeUnlessWrapper(Element element, int pageHan) {
        if (element.parent() != null && han(element) <= pageHan * MAX_FURNITURE_SHARE) {
            element.remove();
        }
    }

    /**
     * The article: the CMS content container with the most Chinese, narrowed to an inner container that holds nearly
     * all of it; without one (or when it holds less than the densest block), the element whose own paragraphs hold
     * the most Chinese.
     */
    private static Element article(Element body) {
        Element best = null;
        int bestHan = 0;
        for (Element element : body.getAllElements()) {
            if (isContentContainer(element)) {
                int count = han(element);
                if (count > bestHan) {
                    best = element;
                    bestHan = count;
                }
            }
        }
        while (best != null) {
            Element inner = null;
            int innerHan = 0;
            for (Element element : best.getAllElements()) {
                if (element != best && isContentContainer(element) && han(element) > innerHan) {
                    inner = element;
                    innerHan = han(element);
                }
            }
            if (inner == null || innerHan < bestHan * NARROWING_SHARE) {
                break;
            }
            best = inner;
            bestHan = innerHan;
        }
        Element densest = densest(body);
        if (best == null || (densest != null && bestHan < han(densest))) {
            return densest != null ? densest : body;
        }
        return best;
    }

    private static boolean isContentContainer(Element element) {
        String names = (element.id() + " " + element.className()).toLowerCase(Locale.ROOT);
        if (names.isBlank()) {
            return false;
        }
        for (String name : CONTENT_NAMES) {
            if (names.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The element with the most Chinese in its own text and in its children that are paragraphs, not containers. */
    private static Element densest(Element body) {
        Element best = null;
        int bestHan = 0;
        for (Element element : body.getAllElements()) {
            int own = 0;
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode text) {
                    own += han(text.text());
                } else if (child instanceof Element e && !hasBlockChildren(e)) {
                    own += han(e);
                }
            }
            if (own > bestHan) {
                best = element;
                bestHan = own;
            }
        }
        return best;
    }

    private static boolean hasBlockChildren(Element element) {
        for (Element child : element.children()) {
            if (BLOCK_TAGS.contains(child.normalName()) || "table".equals(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static int han(Element element) {
        return han(element.text());
    }

    private static int han(String text) {
        int count = 0;
        Matcher m = HAN.matcher(text);
        while (m.find()) {
            count++;
        }
        return count;
    }

    // ---- writing blocks -------------------------------------------------------------------------------------

    /** Walks a subtree: block elements and line breaks end lines, tables become rows, inline text runs on. */
    private static final class BlockWriter {

        private final BlockSink sink;
        private final StringBuilder line = new StringBuilder();

        BlockWriter(BlockSink sink) {
            this.sink = sink;
        }

        void write(Element root) {
            node(root);
            endLine();
        }

        private void node(Node node) {
            if (node instanceof TextNode text) {
                append(text.getWholeText());
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if ("br".equals(tag)) {
                if (line.isEmpty()) {
                    sink.paragraph("");
                } else {
                    endLine();
                }
            } else if ("table".equals(tag) && !isLayoutTable(element)) {
                endLine();
                table(element);
            } else if (BLOCK_TAGS.contains(tag) || "table".equals(tag)) {
                endLine();
                element.childNodes().forEach(this::node);
                endLine();
            } else {
                element.childNodes().forEach(this::node);
            }
        }

        /** Source white space collapses to one space; NBSP, ideographic and en/em spaces are printed, and stay. */
        private void append(String text) {
            String collapsed = COLLAPSIBLE_SPACE.matcher(text).replaceAll(" ");
            if ((line.isEmpty() || line.charAt(line.length() - 1) == ' ') && collapsed.startsWith(" ")) {
                collapsed = collapsed.substring(1);
            }
            line.append(collapsed);
        }

        /** Ends the current line; a line of nothing but spaces is an empty paragraph, and is dropped. */
        private void endLine() {
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            String text = line.substring(0, end);
            line.setLength(0);
            if (!text.chars().allMatch(Character::isSpaceChar)) {
                sink.paragraph(text);
            }
        }

        /** Rows of cells; a cell spanning columns appears once, a cell spanning rows is repeated in each. */
        private void table(Element table) {
            TreeMap<Integer, Span> spans = new TreeMap<>(); // by first column: cells of rows above reaching this row
            for (Element row : rows(table)) {
                List<String> cells = new ArrayList<>();
                TreeMap<Integer, Span> next = new TreeMap<>();
                int column = 0;
                for (Element cell : row.children()) {
                    if (!CELL_TAGS.contains(cell.normalName())) {
                        continue;
                    }
                    for (Span above = spans.remove(column); above != null; above = spans.remove(column)) {
                        column = carry(above, column, cells, next);
                    }
                    String text = cellText(cell);
                    int rows = span(cell, "rowspan");
                    int columns = span(cell, "colspan");
                    if (rows > 1) {
                        next.put(column, new Span(text, rows - 1, columns));
                    }
                    cells.add(text);
                    column += columns;
                }
                for (Map.Entry<Integer, Span> above : spans.tailMap(column).entrySet()) {
                    carry(above.getValue(), above.getKey(), cells, next);
                }
                spans = next;
                if (cells.stream().anyMatch(text -> !text.isBlank())) {
                    sink.row(cells);
                }
            }
        }

        /** Repeats a cell from a row above; returns the column after it. */
        private static int carry(Span span, int column, List<String> cells, Map<Integer, Span> next) {
            cells.add(span.text());
            if (span.rowsLeft() > 1) {
                next.put(column, new Span(span.text(), span.rowsLeft() - 1, span.columns()));
            }
            return column + span.columns();
        }

        private static List<Element> rows(Element table) {
            List<Element> rows = new ArrayList<>();
            for (Element child : table.children()) {
                switch (child.normalName()) {
                    case "tr" -> rows.add(child);
                    case "thead", "tbody", "tfoot" -> {
                        for (Element row : child.children()) {
                            if ("tr".equals(row.normalName())) {
                                rows.add(row);
                            }
                        }
                    }
                    default -> { }
                }
            }
            return rows;
        }

        private static String cellText(Element cell) {
            List<String> parts = new ArrayList<>();
            BlockWriter writer = new BlockWriter(new BlockSink() {
                @Override
                public void paragraph(String text) {
                    if (!text.isEmpty()) { // a <br> on an empty line
                        parts.add(text);
                    }
                }

                @Override
                public void row(List<String> cells) {
                    parts.add(CanonicalText.cell(cells));
                }
            });
            cell.childNodes().forEach(writer::node);
            writer.endLine();
            return CanonicalText.cell(parts);
        }

        private static int span(Element cell, String attribute) {
            try {
                int value = Integer.parseInt(cell.attr(attribute).strip());
                return Math.min(Math.max(value, 1), MAX_SPAN);
            } catch (NumberFormatException absent) {
                return 1;
            }
        }

        /** Pages laid out with tables: a table holding a table, or one column of cells, is read as blocks. */
        private static boolean isLayoutTable(Element table) {
            if (table.select("table").size() > 1) {
                return true;
            }
            for (Element row : rows(table)) {
                long cells = row.children().stream().filter(c -> CELL_TAGS.contains(c.normalName())).count();
                if (cells > 1) {
                    return false;
                }
            }
            return true;
        }
    }
}
