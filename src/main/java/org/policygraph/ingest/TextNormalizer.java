package org.policygraph.ingest;

import com.hankcs.hanlp.HanLP;
import java.util.ArrayList;
import java.util.List;
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
            "^\\s*(?:\\d{2,4}[-/]\\d{1,2}[-/]\\d{1,2}\\s+\\d{1,2}:\\d{2}|发布时间|发布日期|您当前的位置|当前位置|首页\\s*[>»]|来源[:：]|编辑[:：]|责任编辑|版权声明|分享到|扫一扫|打印本页|关闭窗口|【\\s*字体|字号[:：]|浏览次数|附件下载|相关链接|上一篇|下一篇).*");
    private static final Pattern STRUCTURE_START = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、．.]|[（(〔][一二三四五六七八九十\\d]+[)）〕]|\\d{1,3}[.．、](?!\\d)|[①-⑳]|附件|抄送|第[一二三四五六七八九十]+[章条部分]|(?:牵头|责任|配合|协作|参与)(?:单位|部门)\\s*[:：])");
    /** Lines that stand alone in a notice: a document number, a signing date. */
    private static final Pattern STANDALONE_LINE = Pattern.compile(
            "[\\u4e00-\\u9fa5]{1,12}\\s*[〔\\[［(（【]\\s*\\d{4}\\s*[〕\\]］)）】]\\s*\\d{1,4}\\s*号|(?:19|20)\\d{2}年\\d{1,2}月\\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日");
    /** "label：value" lines of a web page's metadata table. */
    private static final Pattern METADATA_LINE = Pattern.compile(
            "^(?:发文机关|发布机构|发文字号|文号|成文日期|发布日期|印发日期|索引号|主题分类|主题词|公文种类|标题|名称|生效日期|有效性)\\s*[:：]");
    /** A responsibility clause closes its task's paragraph. */
    private static final Pattern CLAUSE_END = Pattern.compile("(?:负责|牵头|配合|参与|落实|列出|单位|部门)\\s*[)）〕]$");
    private static final Pattern NOTICE_TITLE_END = Pattern.compile("的(?:通知|函|意见|决定)$");
    /** Share of Han characters that change under traditional-to-simplified conversion that marks a traditional copy. */
    private static final double TRADITIONAL_SHARE = 0.03;

    private TextNormalizer() {}

    public static CleanText normalize(String original) {
        String analysed = toSimplifiedIfTraditional(original);
        List<Line> lines = splitLines(analysed);
        StringBuilder out = new StringBuilder(analysed.length());
        int[] offsets = new int[analysed.length() + 1];
        Line previous = null;
        for (Line line : lines) {
            if (line.content.isEmpty()) {
                continue;
            }
            if (previous != null && !continues(previous, line)) {
                offsets[out.length()] = previous.end;
                out.append('\n');
            }
            for (int i = 0; i < line.content.length(); i++) {
                offsets[out.length()] = line.offsets[i];
                out.append(line.content.charAt(i));
            }
            previous = line;
        }
        int[] trimmed = new int[out.length() + 1];
        System.arraycopy(offsets, 0, trimmed, 0, out.length());
        trimmed[out.length()] = original.length();
        return new CleanText(out.toString(), trimmed, original);
    }

    private static boolean continues(Line previous, Line next) {
        if (previous.heading || next.heading || next.indented) {
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
        boolean wholeLineParenthetical = (p.startsWith("(") || p.startsWith("（")) && (last == ')' || last == '）');
        return !wholeLineParenthetical && !CLAUSE_END.matcher(p).find();
    }

    private record Line(String content, int[] offsets, int end, boolean indented, boolean heading) {}

    private static List<Line> splitLines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            lines.add(cleanLine(text, start, end));
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return lines;
    }

    private static Line cleanLine(String text, int start, int end) {
        String raw = text.substring(start, end);
        if (PAGE_FURNITURE.matcher(raw).matches() || WEB_BOILERPLATE.matcher(raw).matches()) {
            return new Line("", new int[0], end, false, false);
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
            if (c == '*' || c == '\r' || c == '\u200b' || c == '\ufeff' || c == '|') {
                continue;
            }
            if (isSpace(c) && content.length() == 0) {
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
        return new Line(content.toString(), kept, end, indented, heading);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0' || c == '\r' || c == '\f';
    }

    /** Full-width digits, Latin letters and % become ASCII; brackets and Chinese punctuation stay as printed. */
    private static char toHalfWidth(char c) {
        if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ') || c == '％') {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u3000' || c == '\u00a0' || c == '\t') {
            return ' ';
        }
        return c;
    }

    private static String toSimplifiedIfTraditional(String text) {
        char[] table = SimplifiedTable.TABLE;
        int han = 0;
        int changed = 0;
        char[] simplified = text.toCharArray();
        for (int i = 0; i < simplified.length; i++) {
            char c = simplified[i];
            if (c >= SimplifiedTable.FIRST && c <= SimplifiedTable.LAST) {
                han++;
                char converted = table[c - SimplifiedTable.FIRST];
                if (converted != c) {
                    changed++;
                    simplified[i] = converted;
                }
            }
        }
        return han > 0 && changed > han * TRADITIONAL_SHARE ? new String(simplified) : text;
    }

    /** HanLP's traditional-to-simplified mapping, character by character so that offsets are kept. */
    private static final class SimplifiedTable {
        static final char FIRST = '\u4e00';
        static final char LAST = '\u9fff';
        static final char[] TABLE = build();

        private static char[] build() {
            StringBuilder all = new StringBuilder(LAST - FIRST + 1);
            for (char c = FIRST; c <= LAST; c++) {
                all.append(c);
            }
            char[] table = all.toString().toCharArray();
            for (int i = 0; i < table.length; i++) {
                String converted = HanLP.convertToSimplifiedChinese(String.valueOf(table[i]));
                if (converted.length() == 1) {
                    table[i] = converted.charAt(0);
                }
            }
            return table;
        }
    }
}
