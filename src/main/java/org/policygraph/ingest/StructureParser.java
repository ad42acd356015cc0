package org.policygraph.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.ingest.DocumentLayout.Header;
import org.policygraph.ingest.DocumentLayout.SectionSlice;
import org.policygraph.ingest.DocumentLayout.Slice;
import org.policygraph.ingest.DocumentLayout.TaskSlice;

/**
 * Finds the notice header, the sections and the tasks of a normalized policy document. The task level
 * is the numbering level whose items carry responsibility markers (annotation guide), so documents
 * numbered 一、/（一）, 一、/1. or only 1. are all read the same way.
 */
public final class StructureParser {

    static final Pattern RESPONSIBILITY = Pattern.compile(
            // The lookahead lets the matcher skip, in one test, every position that cannot start a marker.
            "(?=[按分牵责配协参负])(?:按职责分工负责|分工负责|分级负责|牵头单位|责任单位|牵头部门|责任部门|配合单位|协作单位|参与单位|负责[)）]|牵头[，,、;；]|牵头负责|负责[，,]排在第一)");
    private static final Pattern DOC_NUMBER = Pattern.compile(
            "([\\u4e00-\\u9fa5]{1,12})\\s*[〔\\[［(（【]\\s*((?:19|20)\\d{2})\\s*[〕\\]］)）】]\\s*(\\d{1,4})\\s*号");
    private static final Pattern NOTICE_TITLE = Pattern.compile(
            "(?m)^(.{0,60}?)关于(?:印发|转发|下达)(.{4,80}?)的(?:通知|函)");
    private static final Pattern TASK_LIST_TITLE = Pattern.compile(
            "(?m)^(?![一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\\d]{1,3}[)）]|\\d{1,3}[.．、])[^\\n。，,：:]{0,40}(?:重点工作任务|重点任务|工作要点|实施方案|任务分工|工作任务)[^\\n。，,]{0,10}$");
    static final String DATE = "((?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日";
    private static final Pattern SIGNATURE_ISSUER = Pattern.compile(
            "(?m)^([\\u4e00-\\u9fa5（）()]{4,40}?(?:办公厅|办公室|人民政府|委员会|领导小组|局|厅|委))\\s*\\n?\\s*" + DATE + "(?!\\s*印发)");
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    /** Lines that close a document; no task text continues past them. */
    private static final Pattern CLOSING = Pattern.compile("^(?:抄送|附件[:：\\d]|主送|印发|版权声明|(?:[\\u4e00-\\u9fa5]{2,30}(?:办公厅|办公室))\\s*\\d{4}年\\d{1,2}月\\d{1,2}日印发)");
    private static final int MAX_TITLE_LENGTH = 120;
    /** Shares of marked items this close count as equal when choosing the task level. */
    private static final double SHARE_TIE = 0.05;
    /** Sections that state aims rather than tasks; their unmarked items are not tasks. */
    private static final Pattern AIMS_SECTION = Pattern.compile("总体要求|指导思想|基本原则|工作目标|总体目标|主要目标|目标任务|工作原则");
    private static final Pattern META_DOC_NUMBER = Pattern.compile("(?:发文字号|文号|字号)\\s*[:：]\\s*");
    private static final Pattern META_DATE = Pattern.compile("成文日期\\s*[:：]\\s*" + "((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern META_ISSUER = Pattern.compile("发文机关\\s*[:：]\\s*([\\u4e00-\\u9fa5]{2,40})");

    private StructureParser() {}

    public static DocumentLayout parse(CleanText clean) throws UnrecognizedStructureException {
        String text = clean.text();
        List<Paragraph> paragraphs = paragraphs(text);
        Header header = header(text);
        int bodyStart = bodyStart(text, header);
        List<Item> items = items(text, paragraphs, bodyStart);
        Markers markers = Markers.of(text);
        Numbering taskLevel = taskLevel(items, text, markers);
        if (taskLevel == null) {
            throw new UnrecognizedStructureException("no numbered tasks found (expected items such as （一） or 1. under sections 一、二、…)");
        }
        return layout(text, paragraphs, header, items, taskLevel, bodyStart, markers);
    }

    record Paragraph(int start, int end) {}

    /** Where responsibility markers start, found once per document. */
    private record Markers(int[] starts) {
        static Markers of(String text) {
            Matcher m = RESPONSIBILITY.matcher(text);
            int[] starts = new int[16];
            int n = 0;
            while (m.find()) {
                if (n == starts.length) starts = java.util.Arrays.copyOf(starts, n * 2);
                starts[n++] = m.start();
            }
            return new Markers(java.util.Arrays.copyOf(starts, n));
        }

        /** Whether a marker starts in [from, to). */
        boolean within(int from, int to) {
            int i = java.util.Arrays.binarySearch(starts, from);
            int at = i >= 0 ? i : -i - 1;
            return at < starts.length && starts[at] < to;
        }
    }

    record Item(Numbering numbering, String label, int start, int labelEnd, int paragraphEnd) {}

    private static List<Paragraph> paragraphs(String text) {
        List<Paragraph> result = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end > start) {
                result.add(new Paragraph(start, end));
            }
            start = end + 1;
        }
        return result;
    }

    private static List<Item> items(String text, List<Paragraph> paragraphs, int bodyStart) {
        List<Item> items = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            if (p.start < bodyStart) {
                continue;
            }
            String content = text.substring(p.start, p.end);
            for (Numbering numbering : Numbering.values()) {
                Matcher m = numbering.match(content);
                if (m != null) {
                    items.add(new Item(numbering, m.group(0).trim(), p.start, p.start + m.end(), p.end));
                    break;
                }
            }
        }
        return items;
    }

    /**
     * The numbering level whose items match the responsibility clauses one to one: the score of a level
     * is its marked items over the larger of its item count and the clause count, so an outer level
     * (whose items contain several clauses) and an inner one (whose items share one) both score lower.
     * On a tie the deeper level wins. With no markers at all, （一） items, else 1. items.
     */
    private static Numbering taskLevel(List<Item> items, String text, Markers markers) {
        Map<Numbering, int[]> counts = new EnumMap<>(Numbering.class);
        int clauses = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int ownEnd = i + 1 < items.size() ? items.get(i + 1).start : text.length();
            if (markers.within(item.start, ownEnd)) clauses++;
            boolean marked = markers.within(item.start, extentEnd(items, i, text.length()));
            int[] c = counts.computeIfAbsent(item.numbering, k -> new int[2]);
            c[0]++;
            if (marked) c[1]++;
        }
        if (counts.isEmpty()) {
            return null;
        }
        Numbering best = null;
        double bestScore = 0;
        for (Numbering n : Numbering.values()) {
            int[] c = counts.get(n);
            if (c == null || c[1] == 0) continue;
            double score = (double) c[1] / Math.max(c[0], clauses);
            if (score >= bestScore - SHARE_TIE) {
                best = n;
                bestScore = Math.max(score, bestScore);
            }
        }
        if (best != null) return best;
        if (counts.containsKey(Numbering.CHINESE_PAREN)) return Numbering.CHINESE_PAREN;
        if (counts.containsKey(Numbering.ARABIC_DOT)) return Numbering.ARABIC_DOT;
        return counts.keySet().iterator().next();
    }

    /** An item runs until the next item of the same or an outer level. */
    private static int extentEnd(List<Item> items, int index, int textEnd) {
        Item item = items.get(index);
        for (int j = index + 1; j < items.size(); j++) {
            if (items.get(j).numbering.ordinal() <= item.numbering.ordinal()) {
                return items.get(j).start;
            }
        }
        return textEnd;
    }

    private static DocumentLayout layout(String text, List<Paragraph> paragraphs, Header header, List<Item> items,
                                         Numbering taskLevel, int bodyStart, Markers markers) {
        List<SectionSlice> sections = new ArrayList<>();
        List<TaskSlice> tasks = new ArrayList<>();
        List<Slice> untasked = new ArrayList<>();
        int currentSection = 0;
        Item sectionItem = null;
        int sectionIndex = -1;
        String sectionTitle = null;
        boolean aimsSection = false;
        int untaskedFrom = bodyStart;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.numbering.ordinal() < taskLevel.ordinal()) {
                if (item.numbering == Numbering.CHINESE_COMMA || sectionItem == null
                        || item.numbering == sectionItem.numbering) {
                    sectionItem = item;
                    sectionIndex = i;
                    sectionTitle = sectionTitle(text, item);
                    aimsSection = AIMS_SECTION.matcher(sectionTitle).find();
                    currentSection = 0;
                }
                continue;
            }
            if (item.numbering != taskLevel) {
                continue;
            }
            if (aimsSection && !markers.within(item.start, extentEnd(items, i, text.length()))) {
                continue;
            }
            if (sectionItem != null && currentSection == 0) {
                sections.add(new SectionSlice(sections.size() + 1, sectionItem.label, sectionTitle, sectionItem.start,
                        extentEnd(items, sectionIndex, text.length())));
                currentSection = sections.size();
            }
            int end = taskEnd(text, paragraphs, items, i, markers);
            if (untaskedFrom < item.start) {
                untasked.add(new Slice(untaskedFrom, item.start));
            }
            untaskedFrom = end;
            boolean truncated = end == text.length() && !markers.within(item.start, end)
                    && !endsSentence(text, end);
            tasks.add(new TaskSlice(tasks.size() + 1, item.label, currentSection, item.start, item.labelEnd, end, truncated));
        }
        if (untaskedFrom < text.length()) {
            untasked.add(new Slice(untaskedFrom, text.length()));
        }
        return new DocumentLayout(header, sections, tasks, untasked);
    }

    private static boolean endsSentence(String text, int end) {
        int i = end - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
        return i >= 0 && "。！？)）".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * A task ends where the next item of its level or an outer level begins. When no further task follows
     * in its section, closing paragraphs after its responsibility clause (exhortations, signatures) are not
     * part of it.
     */
    private static int taskEnd(String text, List<Paragraph> paragraphs, List<Item> items, int index, Markers markers) {
        Item item = items.get(index);
        int end = extentEnd(items, index, text.length());
        boolean lastOfItsGroup = true;
        for (int j = index + 1; j < items.size(); j++) {
            if (items.get(j).start >= end) {
                lastOfItsGroup = items.get(j).numbering.ordinal() < item.numbering.ordinal();
                break;
            }
        }
        int lastClauseParagraphEnd = -1;
        for (Paragraph p : paragraphs) {
            if (p.start < item.start || p.start >= end) continue;
            if (p.start > item.start && CLOSING.matcher(text).region(p.start, p.end).lookingAt()) {
                end = p.start;
                break;
            }
            if (markers.within(p.start, p.end)) {
                lastClauseParagraphEnd = p.end;
            }
        }
        if (lastOfItsGroup && lastClauseParagraphEnd > 0) {
            return lastClauseParagraphEnd;
        }
        return trimEnd(text, item.start, end);
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }

    private static String sectionTitle(String text, Item item) {
        String rest = text.substring(item.labelEnd, item.paragraphEnd).trim();
        int stop = rest.indexOf('。');
        return stop > 0 ? rest.substring(0, stop) : rest;
    }

    private static int bodyStart(String text, Header header) {
        int noticeEnd = 0;
        Matcher notice = NOTICE_TITLE.matcher(text);
        if (notice.find()) {
            noticeEnd = notice.end();
        }
        if (header.title() != null) {
            String compactTitle = header.title().replaceAll("\\s+", "");
            // The task list repeats its title as a heading after the notice.
            Matcher lines = Pattern.compile("(?m)^.*$").matcher(text);
            while (lines.find()) {
                if (lines.start() >= noticeEnd && lines.group().replaceAll("[\\s《》]", "").contains(compactTitle)) {
                    return lines.end();
                }
            }
        }
        return noticeEnd;
    }

    static Header header(String text) {
        String title = null;
        String issuer = null;
        Matcher notice = NOTICE_TITLE.matcher(text);
        if (notice.find()) {
            issuer = compact(notice.group(1)).replaceFirst("^.*[:：]", "");
            title = compact(notice.group(2)).replaceAll("^《|》$", "");
            if (issuer.isEmpty()) issuer = null;
        }
        if (title == null) {
            Matcher listTitle = TASK_LIST_TITLE.matcher(text);
            if (listTitle.find()) {
                title = compact(listTitle.group());
            }
        }
        if (title != null && title.length() > MAX_TITLE_LENGTH) {
            title = null;
        }
        String date = null;
        if (issuer != null) {
            Matcher signed = Pattern.compile(Pattern.quote(issuer) + "\\s*\\n?\\s*" + DATE + "(?!\\s*印发)")
                    .matcher(text);
            if (signed.find(notice.find(0) ? notice.end() : 0)) {
                date = isoDate(signed.group(1), signed.group(2), signed.group(3));
            }
        }
        if (issuer == null || date == null) {
            Matcher signature = SIGNATURE_ISSUER.matcher(text);
            if (signature.find()) {
                if (issuer == null) issuer = compact(signature.group(1));
                if (date == null) date = isoDate(signature.group(2), signature.group(3), signature.group(4));
            }
        }
        Matcher metaIssuer = META_ISSUER.matcher(text);
        if (issuer == null && metaIssuer.find()) {
            issuer = metaIssuer.group(1);
        }
        Matcher metaDate = META_DATE.matcher(text);
        if (date == null && metaDate.find()) {
            date = isoDate(metaDate.group(1), metaDate.group(2), metaDate.group(3));
        }
        String docNumber = docNumber(text);
        Integer year = null;
        if (title != null) {
            Matcher y = YEAR_IN_TITLE.matcher(title);
            if (y.find()) year = Integer.parseInt(y.group(1));
        }
        if (year == null && docNumber != null) {
            Matcher m = DOC_NUMBER.matcher(docNumber);
            if (m.find()) year = Integer.parseInt(m.group(2));
        }
        if (year == null && date != null) {
            year = Integer.parseInt(date.substring(0, 4));
        }
        return new Header(title, docNumber, issuer, date, year);
    }

    /** The document's own number: the first one standing at the start of a paragraph, not one cited in brackets. */
    private static String docNumber(String text) {
        Matcher m = DOC_NUMBER.matcher(text);
        while (m.find()) {
            int lineStart = text.lastIndexOf('\n', m.start()) + 1;
            String before = text.substring(lineStart, m.start());
            boolean atLineStart = before.isBlank();
            Matcher label = META_DOC_NUMBER.matcher(before);
            if (atLineStart || label.find() && label.end() == before.length()) {
                return m.group(1).trim() + "〔" + m.group(2) + "〕" + m.group(3) + "号";
            }
        }
        return null;
    }

    static String isoDate(String year, String month, String day) {
        int y = Character.isDigit(year.charAt(0)) ? Integer.parseInt(year) : ChineseNumerals.parseDigits(year);
        int mo = Character.isDigit(month.charAt(0)) ? Integer.parseInt(month) : ChineseNumerals.parse(month);
        int d = Character.isDigit(day.charAt(0)) ? Integer.parseInt(day) : ChineseNumerals.parse(day);
        if (y < 1949 || mo < 1 || mo > 12 || d < 1 || d > 31) {
            return null;
        }
        return String.format("%04d-%02d-%02d", y, mo, d);
    }

    private static String compact(String s) {
        return s.replaceAll("[\\s#*]+", "");
    }
}
