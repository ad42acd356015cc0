package org.policygraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds {@link CleanText} from decoded input. Line breaks that fall inside a sentence (hard-wrapped PDF
 * text, OCR page breaks such as 市委编 / 办) are removed; a break is kept where a paragraph plausibly ends.
 */
public final class TextNormalizer {

    /** A paragraph ends after these; a line ending otherwise continues on the next line. */
    private static final String SENTENCE_END = "。！？；：:;!?";
    private static final Pattern PAGE_FURNITURE = Pattern.compile(
            "^\\s*(?:[—\\-－–━]+\\s*\\d{1,4}\\s*[—\\-－–━]+|第\\s*\\d{1,4}\\s*页(?:\\s*[/，,]?\\s*共\\s*\\d+\\s*页)?|\\d{1,4}|[-*_=]{3,}|\\|?\\s*[-:| ]{3,}\\|?)\\s*$");
    private static final Pattern WEB_BOILERPLATE = Pattern.compile(
            "^\\s*(?:\\d{2,4}[-/]\\d{1,2}[-/]\\d{1,2}\\s+\\d{1,2}:\\d{2}|发布时间|发布日期|您当前的位置|当前位置|首页\\s*[>»]|来源[:：]|编辑[:：]|责任编辑|版权声明|分享到|扫一扫|打印本页|关闭窗口|【\\s*字体|字号[:：]|浏览次数|附件下载|相关链接|上一篇|下一篇|访问量[:：]|浏览量[:：]|点击数[:：]|阅读次数|文字大小|日期[:：]\\s*\\d{4}-\\d{1,2}-\\d{1,2}|附件列表[:：]?$).*");
    private static final Pattern STRUCTURE_START = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、．.]|[（(〔][一二三四五六七八九十\\d]+[)）〕]|\\d{1,3}[.．、](?!\\d)|[①-⑳]|附件|抄送|第[一二三四五六七八九十]+[章条部分]|【|(?:牵头|责任|配合|协作|协办|参与|主要协作)(?:责任)?(?:单位|部门|科室|处室)\\s*[:：]|(?:完成时限|完成时间|时间节点|时间进度|进度安排|责任领导|牵头领导|分管领导)\\s*[:：])");
    /** Lines that stand alone in a notice: a document number, a signing date. */
    private static final Pattern STANDALONE_LINE = Pattern.compile(
            DocumentNumbers.PRINTED_REGEX + "|(?:19|20)\\d{2}年\\d{1,2}月\\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日");
    /** "label：value" lines of a web page's metadata table. */
    private static final Pattern METADATA_LINE = Pattern.compile(
            "^(?:发文机关|发布机构|发文字号|文号|成文日期|发布日期|印发日期|索引号|主题分类|主题词|公文种类|标题|名称|生效日期|有效性)\\s*[:：]");
    /** A responsibility clause closes its task's paragraph. */
    private static final Pattern CLAUSE_END = Pattern.compile("(?:负责|牵头|配合|参与|落实|列出|单位|部门)\\s*[)）〕]$");
    private static final Pattern NOTICE_TITLE_END = Pattern.compile("的(?:通知|函|意见|决定)$");
    /** A line holding only a label ("（一）", "1．"): its heading is on the next line. */
    private static final Pattern LABEL_ONLY = Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\\d]{1,3}[)）]|\\d{1,3}[.．、]|[①-⑳])$");
    private static final String OPENING = "（(“‘《〔[【";
    private static final String CLOSING_MARKS = "）)”’》〕]】";
    private static final Pattern UNIT_LABEL = Pattern.compile("^(?:牵头|责任|配合|协作|协办|参与)(?:单位|部门)\\s*[:：]");
    /** A line this short after a page break is the rest of the previous line's sentence, not a paragraph. */
    private static final int MAX_FRAGMENT = 3;
    /** A piece of a number or date alone on its line, and what may stand before and after such a piece. */
    private static final Pattern FRAGMENT = Pattern.compile("[0-9０-９〔〕\\[\\]［］()（）年月日号]{1,6}");
    private static final String FRAGMENT_OPENER = "〔[［(（〕]］年月0123456789０１２３４５６７８９";
    private static final String FRAGMENT_CLOSER = "〕]］)）年月日号0123456789０１２３４５６７８９";
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[—\\-－–━]+\\s*\\d{1,4}\\s*[—\\-－–━]+|第\\s*\\d{1,4}\\s*页.*|\\d{1,4}\\s*/\\s*\\d{1,4}|\\d{1,4}");
    private static final int MAX_RUNNING_HEAD = 30;
    private static final int MIN_RUNNING_HEAD = 4;
    /** A head seen once must be shorter than a wrapped line and hold no punctuation, unlike the rest of a sentence. */
    private static final int MAX_LONE_RUNNING_HEAD = 20;
    private static final Pattern HEAD_PUNCTUATION = Pattern.compile("[，。、；：（）()《》“”,;:]");
    private static final int MIN_RUNNING_HEADS = 2;
    /** "附件2" alone on its line, its title on the next. */
    private static final Pattern ATTACHMENT_ONLY = Pattern.compile("^附件\\s*\\d{0,2}\\s*[:：]?$");
    /** A line ending in these stops inside a sentence. */
    private static final String MID_SENTENCE = "、，,（(“‘《〔[【-—";
    /** A numbered line at most this long that ends without punctuation is a heading alone on its line. */
    private static final int MAX_HEADING_LENGTH = 40;
    /** Lines shorter than this say nothing about a wrap width. */
    private static final int MIN_WRAPPED_LINE = 15;
    private static final int MIN_WRAPPED_LINES = 3;
    private static final double MIN_WRAPPED_SHARE = 0.3;
    /** Share of lines longer than the wrap width that a hard-wrapped text may have (titles, tables). */
    private static final double MAX_LONGER_SHARE = 0.1;
    /** A heading this much shorter than the wrap width ends its line on purpose. */
    private static final int WRAP_TOLERANCE = 3;
    private static final int NO_WRAP = Integer.MAX_VALUE / 2;
    /** Share of Han characters that change under traditional-to-simplified conversion that marks a traditional copy. */
    private static final double TRADITIONAL_SHARE = 0.03;

    private TextNormalizer() {}

    public static CleanText normalize(String original) {
        String analysed = toSimplifiedIfTraditional(original);
        List<Line> lines = splitLines(analysed);
        int wrapWidth = wrapWidth(lines);
        StringBuilder out = new StringBuilder(analysed.length());
        int[] offsets = new int[analysed.length() + 1];
        Line previous = null;
        int openMarks = 0;
        for (Line line : lines) {
            if (line.content.isEmpty()) {
                continue;
            }
            if (previous != null && !continues(previous, line, wrapWidth, openMarks > 0)) {
                offsets[out.length()] = previous.end;
                out.append('\n');
                openMarks = 0;
            }
            for (int i = 0; i < line.content.length(); i++) {
                char c = line.content.charAt(i);
                offsets[out.length()] = line.offsets[i];
                out.append(c);
                if (OPENING.indexOf(c) >= 0) openMarks++;
                else if (CLOSING_MARKS.indexOf(c) >= 0 && openMarks > 0) openMarks--;
            }
            previous = line;
        }
        int[] trimmed = new int[out.length() + 1];
        System.arraycopy(offsets, 0, trimmed, 0, out.length());
        trimmed[out.length()] = original.length();
        return new CleanText(out.toString(), trimmed, original);
    }

    /** Whether next continues the paragraph that previous ends; insideMarks: that paragraph leaves a bracket open. */
    private static boolean continues(Line previous, Line next, int wrapWidth, boolean insideMarks) {
        if (next.fragment || previous.fragment && FRAGMENT_CLOSER.indexOf(next.content.charAt(0)) >= 0) {
            return true;
        }
        if (!previous.heading && previous.content.contains("关于") && !NOTICE_TITLE_END.matcher(previous.content).find()
                && NOTICE_TITLE_END.matcher(next.content).find()) {
            // A notice title wrapped over two lines, the second maybe indented.
            return true;
        }
        if (previous.heading || next.heading || next.indented || TableRows.isRow(previous.content)
                || TableRows.isRow(next.content)) {
            return false;
        }
        if (LABEL_ONLY.matcher(previous.content).matches()) {
            return true;
        }
        if (ATTACHMENT_ONLY.matcher(previous.content).matches()) {
            return false;
        }
        char last = previous.content.charAt(previous.content.length() - 1);
        if (SENTENCE_END.indexOf(last) >= 0) {
            return false;
        }
        if (STRUCTURE_START.matcher(next.content).find() || METADATA_LINE.matcher(next.content).find()
                || METADATA_LINE.matcher(previous.content).find() || STANDALONE_LINE.matcher(next.content).matches()
                || STANDALONE_LINE.matcher(previous.content).matches() || NOTICE_TITLE_END.matcher(previous.content).find()) {
            return false;
        }
        String p = previous.content;
        if (p.length() <= MAX_HEADING_LENGTH && previous.width < wrapWidth - WRAP_TOLERANCE
                && p.indexOf('。') < 0 && MID_SENTENCE.indexOf(last) < 0 && !insideMarks
                && !UNIT_LABEL.matcher(p).lookingAt() && next.content.length() > MAX_FRAGMENT) {
            // A heading or title alone on its line ("（一）加强组织领导"), not the first line of a wrapped paragraph.
            return false;
        }
        boolean wholeLineParenthetical = (p.startsWith("(") || p.startsWith("（")) && (last == ')' || last == '）');
        return !wholeLineParenthetical && !CLAUSE_END.matcher(p).find();
    }

    /** A cleaned line; width counts its characters as printed, indentation included, to compare with a wrap width. */
    private record Line(String content, int[] offsets, int end, boolean indented, boolean heading, boolean numbered,
                        int width, boolean fragment) {}

    /**
     * The width at which a hard-wrapped text (PDF, OCR) breaks its lines: the most common length of the
     * lines that end inside a sentence, when enough lines share it; otherwise the text holds a paragraph
     * per line and has no wrap width.
     */
    private static int wrapWidth(List<Line> lines) {
        Map<Integer, Integer> byLength = new HashMap<>();
        int open = 0;
        for (Line line : lines) {
            String c = line.content;
            if (c.length() < MIN_WRAPPED_LINE || SENTENCE_END.indexOf(c.charAt(c.length() - 1)) >= 0) continue;
            open++;
            byLength.merge(line.width, 1, Integer::sum);
        }
        int width = NO_WRAP;
        int best = 0;
        for (var e : byLength.entrySet()) {
            // Neighbouring lengths count too: punctuation and digits make wrapped lines differ by a character.
            int around = e.getValue() + byLength.getOrDefault(e.getKey() - 1, 0) + byLength.getOrDefault(e.getKey() + 1, 0);
            if (around > best || around == best && e.getKey() > width) {
                best = around;
                width = e.getKey() + 1;
            }
        }
        if (best < MIN_WRAPPED_LINES || best < open * MIN_WRAPPED_SHARE) return NO_WRAP;
        // Wrapped text has no line much longer than its width; a paragraph per line has many.
        int longer = 0;
        int counted = 0;
        for (Line line : lines) {
            if (line.content.length() < MIN_WRAPPED_LINE) continue;
            counted++;
            if (line.width > width + WRAP_TOLERANCE) longer++;
        }
        return longer <= counted * MAX_LONGER_SHARE ? width : NO_WRAP;
    }

    private static List<Line> splitLines(String text) {
        List<int[]> bounds = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            bounds.add(new int[] {start, end});
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        Set<String> runningHeads = runningHeads(text, bounds);
        List<Line> lines = new ArrayList<>(bounds.size());
        for (int i = 0; i < bounds.size(); i++) {
            String raw = text.substring(bounds.get(i)[0], bounds.get(i)[1]).strip();
            String before = i > 0 ? text.substring(bounds.get(i - 1)[0], bounds.get(i - 1)[1]).strip() : "";
            String after = i + 1 < bounds.size() ? text.substring(bounds.get(i + 1)[0], bounds.get(i + 1)[1]).strip() : "";
            // A crawler copy puts every piece of a number or a date on its own line: 甘政办发〔 / 2022 / 〕 / 84 / 号.
            boolean fragment = FRAGMENT.matcher(raw).matches()
                    && (!before.isEmpty() && FRAGMENT_OPENER.indexOf(before.charAt(before.length() - 1)) >= 0
                        || !after.isEmpty() && FRAGMENT_CLOSER.indexOf(after.charAt(0)) >= 0);
            if (runningHeads.contains(raw)) {
                lines.add(new Line("", new int[0], bounds.get(i)[1], false, false, false, 0, false));
                continue;
            }
            lines.add(cleanLine(text, bounds.get(i)[0], bounds.get(i)[1], fragment));
        }
        return lines;
    }

    /**
     * Running headers and footers of a text copied from a paged document (广州市人民政府公报, 2023 年第 20 期):
     * short lines that recur and stand, every time, next to a page number.
     */
    private static Set<String> runningHeads(String text, List<int[]> bounds) {
        List<String> lines = new ArrayList<>();
        List<Boolean> pageNumber = new ArrayList<>();
        for (int[] b : bounds) {
            String raw = text.substring(b[0], b[1]).strip();
            if (raw.isEmpty()) continue;
            lines.add(raw);
            pageNumber.add(PAGE_NUMBER.matcher(raw).matches());
        }
        Map<String, int[]> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (pageNumber.get(i) || line.length() > MAX_RUNNING_HEAD || line.length() < MIN_RUNNING_HEAD
                    || FRAGMENT.matcher(line).matches() || SENTENCE_END.indexOf(line.charAt(line.length() - 1)) >= 0) {
                continue;
            }
            boolean besidePageNumber = i > 0 && pageNumber.get(i - 1) || i + 1 < lines.size() && pageNumber.get(i + 1);
            int[] counts = seen.computeIfAbsent(line, k -> new int[3]);
            counts[0]++;
            if (besidePageNumber) counts[1]++;
            // Once is enough where the page break cuts a sentence: "…市财政局配 / — 23 — / 2023 年第 20 期 / 合）".
            if (i >= 2 && pageNumber.get(i - 1) && !pageNumber.get(i - 2) && !startsStructure(line)
                    && line.length() <= MAX_LONE_RUNNING_HEAD && !HEAD_PUNCTUATION.matcher(line).find()
                    && i + 1 < lines.size() && !startsStructure(lines.get(i + 1))) {
                String cut = lines.get(i - 2);
                if (SENTENCE_END.indexOf(cut.charAt(cut.length() - 1)) < 0) counts[2]++;
            }
        }
        Set<String> heads = new HashSet<>();
        seen.forEach((line, counts) -> {
            if (counts[1] == counts[0] && (counts[1] >= MIN_RUNNING_HEADS || counts[2] > 0)) heads.add(line);
        });
        return heads;
    }

    private static Line cleanLine(String text, int start, int end, boolean fragment) {
        String raw = text.substring(start, end);
        if (!fragment && (PAGE_FURNITURE.matcher(raw).matches() || WEB_BOILERPLATE.matcher(raw).matches())) {
            return new Line("", new int[0], end, false, false, false, 0, false);
        }
        int i = start;
        boolean indented = i < end && isSpace(text.charAt(i));
        while (i < end && isSpace(text.charAt(i))) i++;
        while (i < end && text.charAt(i) == '>') i++;
        boolean heading = false;
        if (i < end && text.charAt(i) == '#') {
            heading = true;
            while (i < end && text.charAt(i) == '#') i++;
        }
        StringBuilder content = new StringBuilder(end - i);
        int[] offsets = new int[end - i];
        for (int j = i; j < end; j++) {
            char c = text.charAt(j);
            if (c == '*' || c == '\r' || c == '\u200b' || c == '\ufeff') {
                continue;
            }
            if (isSpace(c) && content.length() == 0) {
                continue;
            }
            // PDF exports put a space between Chinese and digits (2023 年 12 月, 〔2024〕9 号): not part of the text.
            if (c == ' ' && j + 1 < end && joinsHanAndDigit(content.charAt(content.length() - 1), text.charAt(j + 1))) {
                continue;
            }
            offsets[content.length()] = j;
            content.append(toHalfWidth(c));
        }
        int length = content.length();
        while (length > 0 && isSpace(content.charAt(length - 1))) length--;
        content.setLength(length);
        int[] kept = new int[length];
        System.arraycopy(offsets, 0, kept, 0, length);
        String cleaned = content.toString();
        boolean numbered = false;
        for (Numbering n : Numbering.values()) {
            numbered |= n.match(cleaned) != null;
        }
        int width = length == 0 ? 0 : kept[length - 1] - start + 1;
        return new Line(cleaned, kept, end, indented, heading, numbered, width, fragment);
    }

    private static boolean startsStructure(String line) {
        return STRUCTURE_START.matcher(line).find();
    }

    private static boolean joinsHanAndDigit(char before, char after) {
        boolean digitBefore = Character.isDigit(before);
        boolean digitAfter = Character.isDigit(after);
        return digitBefore && (ChineseLanguage.isHan(after) || after == '%') || digitAfter && (ChineseLanguage.isHan(before)
                || "〕〔）（".indexOf(before) >= 0);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0' || c == '\r' || c == '\f'
                || (c >= '\u2000' && c <= '\u200a') || c == '\u202f' || c == '\u205f';
    }

    /** Full-width digits, Latin letters and % become ASCII; brackets and Chinese punctuation stay as printed. */
    private static char toHalfWidth(char c) {
        if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ') || c == '％') {
            return (char) (c - 0xFEE0);
        }
        if (isSpace(c)) {
            return ' ';
        }
        return c;
    }

    private static String toSimplifiedIfTraditional(String text) {
        int han = 0;
        int changed = 0;
        char[] simplified = text.toCharArray();
        for (int i = 0; i < simplified.length; i++) {
            char c = simplified[i];
            if (ChineseLanguage.isHan(c)) {
                han++;
                char converted = ChineseLanguage.simplified(c);
                if (converted != c) {
                    changed++;
                    simplified[i] = converted;
                }
            }
        }
        return han > 0 && changed > han * TRADITIONAL_SHARE ? new String(simplified) : text;
    }
}
