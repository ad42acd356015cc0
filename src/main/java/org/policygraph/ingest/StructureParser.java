package org.policygraph.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
            "(?=[按分牵责配协参负])(?:按职责分工负责|分工负责|分级负责|(?<![为是])牵头单位|责任单位|牵头部门|责任部门|责任科室|责任处室|配合单位|配合部门|协作单位|协办单位|参与单位|参与部门|牵头责任单位|负责[)）。]|参与[)）]|配合[)）]|协助[)）]|牵头[，,、;；)）]|牵头负责|负责[，,]排在第一)");
    private static final Pattern NOTICE_TITLE = Pattern.compile(
            "(?m)^(.{0,60}?)关于(?:(?:印发|转发|下达)(.{4,80}?)|(《.{4,80}?》))的(?:通知|函)");
    /** The title line of a document issued directly: 江西省人民政府办公厅关于将健康融入所有政策的意见. */
    private static final Pattern DIRECT_TITLE = Pattern.compile(
            "(?m)^([^\\n，。：:]{2,40}?)关于[^\\n，。]{2,80}的(?:意见|实施意见|指导意见|决定|通知|通告|办法|规定)$");
    /** An attachment published as its own file: "附件1" (or "附件1：") alone on its first line, its title next. */
    private static final Pattern ATTACHMENT_TITLE = Pattern.compile("^\\s*附件\\s*\\d{0,2}\\s*[:：]?\\s*\\n([^\\n]{2,120})");
    /** A signing date alone on its line. */
    private static final Pattern SIGNATURE_DATE = Pattern.compile("(?m)^\\s*" + "((?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日" + "\\s*$");
    /** A line that names an office: Han characters and brackets, ending as offices' names end. */
    private static final Pattern ORGANISATION = Pattern.compile(
            "[\\u4e00-\\u9fa5（）()]{2,40}(?:办公厅|办公室|人民政府|政府|委员会|领导小组|小组|局|厅|委|办|院|会|部|中心|[)）])");
    private static final Pattern ORGANISATION_START = Pattern.compile("^[\\u4e00-\\u9fa5]");
    private static final int MAX_SIGNATURE_LINES = 3;
    private static final Pattern WRAPPED_NAME_START = Pattern.compile("(?!特此|此页)[\\u4e00-\\u9fa5（）()]{6,24}");
    private static final int MAX_TITLE_CONTINUATION = 20;
    private static final Pattern TASK_LIST_TITLE = Pattern.compile(
            "(?m)^(?![一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\\d]{1,3}[)）]|\\d{1,3}[.．、])[^\\n。，,：:]{0,40}(?:重点工作任务|重点任务|工作要点|实施方案|任务分工|工作任务|行动计划|行动方案|工作方案|指导方案|分工方案|任务分解|任务清单|职责清单|清单|实施意见|指导意见|规划|计划|方案|行动)[^\\n。，,]{0,10}$");
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
    private static final Pattern META_DOC_NUMBER = Pattern.compile("(?:发\\s*文\\s*字\\s*号|文\\s*号|字\\s*号)\\s*[:：]\\s*");
    private static final Pattern META_DATE = Pattern.compile("成\\s*文\\s*日\\s*期\\s*[:：]\\s*" + "((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern META_ISSUER = Pattern.compile("(?:发\\s*文\\s*机\\s*关|发\\s*布\\s*机\\s*构)\\s*[:：]\\s*([\\u4e00-\\u9fa5（）()]{2,40})");

    /** A section heading that is an office's name and nothing else (区卫生健康委, 各街道（镇）): a 职责清单's heading. */
    private static final Pattern OFFICE_HEADING = Pattern.compile(
            "(?:省|市|县|区|州|旗|盟|乡|镇|各|自治区|国家|中共)[\\u4e00-\\u9fa5]{1,18}(?:委|局|分局|厅|办|部|院|政府|中心|委员会|工委|联|街道|镇|乡)(?:[（(][\\u4e00-\\u9fa5、]{1,10}[)）])?");
    /** Share of the outermost items that must be offices' names for them to head a 职责清单's sections. */
    private static final double OFFICE_SECTIONS_SHARE = 0.8;

    private StructureParser() {}

    public static boolean isOfficeHeading(String heading) {
        return OFFICE_HEADING.matcher(heading).matches();
    }

    public static DocumentLayout parse(CleanText clean) throws UnrecognizedStructureException {
        String text = clean.text();
        List<Paragraph> paragraphs = paragraphs(text);
        List<DutyTables.Table> tables = DutyTables.find(text, paragraphs);
        List<Paragraph> rows = paragraphs.stream()
                .filter(p -> TableRows.isRow(text.substring(p.start, p.end))).toList();
        Header header = header(text);
        int bodyStart = bodyStart(text, header);
        List<Item> items = items(text, paragraphs, bodyStart);
        items.removeIf(item -> rows.stream().anyMatch(r -> r.start == item.start)
                || tables.stream().anyMatch(t -> item.start >= t.start() && item.start < t.end()));
        Markers markers = Markers.of(text, rows);
        Set<Integer> taskItems = taskItems(items, text, markers);
        // An item followed directly by a duty table (at most a caption between) heads the table's rows: they are the tasks.
        taskItems.removeIf(i -> tables.stream().anyMatch(t -> headsTable(text, items.get(i), t)));
        List<DocumentLayout.TargetCell> targets = TargetTables.find(text, paragraphs);
        if (taskItems.isEmpty() && tables.isEmpty()) {
            throw new UnrecognizedStructureException("no numbered tasks found (expected items such as （一） or 1. under sections 一、二、…, or a table with a duty column and a department column)");
        }
        return layout(text, paragraphs, header, items, taskItems, bodyStart, markers, tables, rows, targets);
    }

    record Paragraph(int start, int end) {}

    /** Where responsibility markers start, found once per document. */
    private record Markers(int[] starts) {
        static Markers of(String text, List<Paragraph> tableRows) {
            Matcher m = RESPONSIBILITY.matcher(text);
            int[] starts = new int[16];
            int n = 0;
            while (m.find()) {
                int at = m.start();
                if (tableRows.stream().anyMatch(r -> at >= r.start && at < r.end)) continue;
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = m.start();
            }
            return new Markers(Arrays.copyOf(starts, n));
        }

        /** Whether a marker starts in [from, to). */
        boolean within(int from, int to) {
            int i = Arrays.binarySearch(starts, from);
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
        boolean attachmentList = false;
        for (Paragraph p : paragraphs) {
            if (p.start < bodyStart) {
                continue;
            }
            String content = text.substring(p.start, p.end);
            if (ATTACHMENT_LIST.matcher(content).lookingAt()) {
                attachmentList = true;
                continue;
            }
            Item item = null;
            for (Numbering numbering : Numbering.values()) {
                Matcher m = numbering.match(content);
                if (m != null) {
                    item = new Item(numbering, m.group(0).trim(), p.start, p.start + m.end(), p.end);
                    break;
                }
            }
            // "附件：1.…" followed by "2.…" lines lists the attachments' titles; they are not items.
            attachmentList &= item != null && content.indexOf('。') < 0;
            if (item != null && !attachmentList) {
                items.add(item);
            }
        }
        return items;
    }

    /**
     * The items that are tasks. Where responsibility clauses are printed, the numbering level whose items
     * match them one to one (the score of a level is its marked items over the larger of its item count and
     * the clause count, so an outer level whose items contain several clauses and an inner one whose items
     * share one both score lower; on a tie the deeper level wins); an item one level up without items of
     * that level of its own is a task too. Where no clause is printed anywhere, the innermost items down to
     * 1. under the section level: a （X） with numbered items of its own is a group heading, one without is a
     * task. Items of aims sections (总体目标, 主要目标 …) without a clause are never tasks.
     */
    private static Set<Integer> taskItems(List<Item> items, String text, Markers markers) {
        Set<Integer> tasks = new TreeSet<>();
        if (items.isEmpty()) return tasks;
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
        List<Numbering> present = new ArrayList<>(counts.keySet());
        Numbering outermost = present.get(0);
        if (present.size() > 1 && officeSections(items, text, outermost)) {
            // A 职责清单: the outermost items name offices, the duties under them are the tasks.
            counts.remove(outermost);
        }
        Numbering best = null;
        double bestScore = 0;
        for (Numbering n : present) {
            int[] c = counts.get(n);
            if (c == null || c[1] == 0) continue;
            double score = (double) c[1] / Math.max(c[0], clauses);
            if (score >= bestScore - SHARE_TIE) {
                best = n;
                bestScore = Math.max(score, bestScore);
            }
        }
        List<Numbering> taskLevels = new ArrayList<>();
        if (best != null) {
            taskLevels.add(best);
            int at = present.indexOf(best);
            if (at >= 2) taskLevels.add(present.get(at - 1));
        } else if (present.size() == 1) {
            taskLevels.add(outermost);
        } else {
            for (Numbering n : present.subList(1, present.size())) {
                if (n.ordinal() <= Numbering.ARABIC_DOT.ordinal()) taskLevels.add(n);
            }
            if (taskLevels.isEmpty()) taskLevels.add(present.get(1));
        }
        boolean aims = false;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.numbering == outermost && present.size() > 1) {
                aims = AIMS_SECTION.matcher(sectionTitle(text, item)).find();
            }
            if (!taskLevels.contains(item.numbering)) continue;
            boolean marked = markers.within(item.start, extentEnd(items, i, text.length()));
            if (aims && !marked) continue;
            if (item.numbering != taskLevels.get(0) || best == null) {
                if (hasChildAt(items, i, taskLevels)) continue;
            }
            tasks.add(i);
        }
        return tasks;
    }

    private static boolean headsTable(String text, Item item, DutyTables.Table table) {
        if (table.start() <= item.start) return false;
        String between = text.substring(item.paragraphEnd, table.start());
        return between.chars().filter(c -> c == '\n').count() <= 2 && !between.contains("附件");
    }

    private static boolean officeSections(List<Item> items, String text, Numbering level) {
        int total = 0;
        int offices = 0;
        for (Item item : items) {
            if (item.numbering != level) continue;
            total++;
            if (isOfficeHeading(sectionTitle(text, item))) offices++;
        }
        return total >= 2 && offices >= total * OFFICE_SECTIONS_SHARE;
    }

    /** Whether items of a deeper task level lie inside item i. */
    private static boolean hasChildAt(List<Item> items, int index, List<Numbering> levels) {
        Item item = items.get(index);
        for (int j = index + 1; j < items.size(); j++) {
            Item next = items.get(j);
            if (next.numbering.ordinal() <= item.numbering.ordinal()) return false;
            if (levels.contains(next.numbering)) return true;
        }
        return false;
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
                                         Set<Integer> taskItems, int bodyStart, Markers markers,
                                         List<DutyTables.Table> tables, List<Paragraph> rows,
                                         List<DocumentLayout.TargetCell> targets) {
        List<SectionSlice> sections = new ArrayList<>();
        List<TaskSlice> tasks = new ArrayList<>();
        List<Slice> untasked = new ArrayList<>();
        Numbering sectionLevel = items.isEmpty() ? null : items.get(0).numbering;
        for (Item item : items) {
            if (item.numbering.ordinal() < sectionLevel.ordinal()) sectionLevel = item.numbering;
        }
        int firstTaskLevel = Integer.MAX_VALUE;
        for (int i : taskItems) firstTaskLevel = Math.min(firstTaskLevel, items.get(i).numbering.ordinal());
        boolean hasSections = sectionLevel != null && sectionLevel.ordinal() < firstTaskLevel;
        int currentSection = 0;
        int sectionIndex = -1;
        int untaskedFrom = bodyStart;
        int tableIndex = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            while (tableIndex < tables.size() && tables.get(tableIndex).start() < item.start) {
                untaskedFrom = addTable(text, tables.get(tableIndex++), sections, tasks, untasked, untaskedFrom);
                currentSection = 0;
            }
            if (hasSections && item.numbering == sectionLevel) {
                sectionIndex = i;
                currentSection = 0;
                continue;
            }
            if (!taskItems.contains(i)) {
                continue;
            }
            if (sectionIndex >= 0 && currentSection == 0) {
                Item sectionItem = items.get(sectionIndex);
                sections.add(new SectionSlice(sections.size() + 1, sectionItem.label, sectionTitle(text, sectionItem),
                        sectionItem.start, extentEnd(items, sectionIndex, text.length())));
                currentSection = sections.size();
            }
            int end = taskEnd(text, paragraphs, items, i, markers, rows);
            if (untaskedFrom < item.start) {
                untasked.add(new Slice(untaskedFrom, item.start));
            }
            untaskedFrom = end;
            boolean truncated = end == text.length() && !markers.within(item.start, end)
                    && !endsSentence(text, end);
            tasks.add(new TaskSlice(tasks.size() + 1, item.label, currentSection, item.start, item.labelEnd, end,
                    truncated, List.of()));
        }
        while (tableIndex < tables.size()) {
            untaskedFrom = addTable(text, tables.get(tableIndex++), sections, tasks, untasked, untaskedFrom);
        }
        if (untaskedFrom < text.length()) {
            untasked.add(new Slice(untaskedFrom, text.length()));
        }
        return new DocumentLayout(header, sections, tasks, withoutTargetRows(untasked, rows, targets), targets);
    }

    private static final Pattern ATTACHMENT_LIST = Pattern.compile("^附件\\s*[:：]");
    private static final Pattern ATTACHMENT_LABEL = Pattern.compile("^附件\\s*(\\d{0,2})");

    /** A duty table becomes a section (labelled 附件N where an attachment line precedes it) and its rows tasks. */
    private static int addTable(String text, DutyTables.Table table, List<SectionSlice> sections, List<TaskSlice> tasks,
                                List<Slice> untasked, int untaskedFrom) {
        if (untaskedFrom < table.start()) {
            untasked.add(new Slice(untaskedFrom, table.start()));
        }
        int captionEnd = Math.max(0, table.start() - 1);
        int captionStart = text.lastIndexOf('\n', Math.max(0, captionEnd - 1)) + 1;
        String caption = captionStart < captionEnd ? text.substring(captionStart, captionEnd).trim() : "";
        String label = null;
        int attachmentAt = text.lastIndexOf("附件", table.start());
        if (attachmentAt >= 0 && (attachmentAt == 0 || text.charAt(attachmentAt - 1) == '\n')
                && text.substring(attachmentAt, table.start()).chars().filter(c -> c == '\n').count() <= 2) {
            Matcher m = ATTACHMENT_LABEL.matcher(text.substring(attachmentAt));
            if (m.find()) label = m.group().replaceAll("\\s+", "");
            if (caption.startsWith("附件")) {
                caption = caption.replaceFirst("^附件\\s*\\d{0,2}\\s*[:：]?\\s*", "");
            }
        }
        sections.add(new SectionSlice(sections.size() + 1, label, caption.isEmpty() ? null : caption, table.start(), table.end()));
        for (DutyTables.Row row : table.rows()) {
            tasks.add(new TaskSlice(tasks.size() + 1, row.number(), sections.size(), row.start(), row.start(), row.end(),
                    false, row.cells()));
        }
        return table.end();
    }

    /** Body text outside tasks, less the rows of target tables, which are read cell by cell. */
    private static List<Slice> withoutTargetRows(List<Slice> untasked, List<Paragraph> rows, List<DocumentLayout.TargetCell> targets) {
        List<Slice> result = new ArrayList<>();
        for (Slice slice : untasked) {
            int from = slice.start();
            for (Paragraph row : rows) {
                if (row.start < slice.start() || row.end > slice.end()) continue;
                if (targets.stream().noneMatch(t -> t.start() >= row.start && t.end() <= row.end)) continue;
                if (from < row.start) result.add(new Slice(from, row.start));
                from = row.end;
            }
            if (from < slice.end()) result.add(new Slice(from, slice.end()));
        }
        return result;
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
    private static int taskEnd(String text, List<Paragraph> paragraphs, List<Item> items, int index, Markers markers,
                               List<Paragraph> rows) {
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
            boolean tableRow = rows.stream().anyMatch(r -> r.start == p.start);
            if (p.start > item.start && (tableRow || CLOSING.matcher(text).region(p.start, p.end).lookingAt())) {
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
        int searchFrom = 0;
        Matcher notice = NOTICE_TITLE.matcher(text);
        Matcher direct = DIRECT_TITLE.matcher(text);
        Matcher attachment = ATTACHMENT_TITLE.matcher(text);
        if (notice.find()) {
            issuer = compact(notice.group(1)).replaceFirst("^.*[:：]", "");
            title = compact(notice.group(2) != null ? notice.group(2) : notice.group(3)).replaceAll("^《|》$", "");
            if (issuer.isEmpty()) issuer = organisationAbove(text, notice.start());
            searchFrom = notice.end();
        } else if (attachment.find()) {
            // An attachment published as its own file prints "附件N" and its title, nothing of the notice.
            String candidate = compact(attachment.group(1));
            // A title printed over two lines: the second is short, unnumbered and ends no sentence.
            int next = attachment.end() + 1;
            int nextEnd = text.indexOf('\n', next);
            if (next < text.length() && nextEnd > next) {
                String line = text.substring(next, nextEnd).trim();
                if (line.length() <= MAX_TITLE_CONTINUATION && !line.matches(".*[。，；：:,;].*") && !startsItem(line)
                        && !TableRows.isRow(line)) {
                    candidate += compact(line);
                }
            }
            return new Header(candidate.length() <= MAX_TITLE_LENGTH ? candidate : null, null, null, null, yearIn(candidate));
        } else if (direct.find()) {
            // A document issued directly (an 意见 without a 印发 notice): its title line names the issuer.
            title = compact(direct.group());
            issuer = compact(direct.group(1));
            if (!ORGANISATION.matcher(issuer).matches()) issuer = null;
            searchFrom = direct.end();
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
        Matcher signature = SIGNATURE_DATE.matcher(text);
        if (signature.find(searchFrom)) {
            date = isoDate(signature.group(1), signature.group(2), signature.group(3));
            String signer = organisationAbove(text, signature.start());
            if (issuer == null && signer != null) issuer = signer;
        }
        if (issuer == null || date == null) {
            Matcher signed = SIGNATURE_ISSUER.matcher(text);
            if (signed.find()) {
                if (issuer == null) issuer = compact(signed.group(1));
                if (date == null) date = isoDate(signed.group(2), signed.group(3), signed.group(4));
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
        Integer year = title == null ? null : yearIn(title);
        if (year == null && docNumber != null) {
            year = DocumentNumbers.year(docNumber);
        }
        if (year == null && date != null) {
            year = Integer.parseInt(date.substring(0, 4));
        }
        return new Header(title, docNumber, issuer, date, year);
    }

    private static boolean startsItem(String line) {
        for (Numbering n : Numbering.values()) {
            if (n.match(line) != null) return true;
        }
        return false;
    }

    private static Integer yearIn(String title) {
        Matcher y = YEAR_IN_TITLE.matcher(title);
        return y.find() ? Integer.parseInt(y.group(1)) : null;
    }

    /**
     * The office printed on the lines just above a line (a notice title, a signing date), joined:
     * "海南省健康海南建设委员会" / "（爱国卫生运动委员会）（代章）" → 海南省健康海南建设委员会（爱国卫生运动委员会）.
     */
    private static String organisationAbove(String text, int lineStart) {
        StringBuilder name = new StringBuilder();
        int end = lineStart - 1;
        for (int lines = 0; lines < MAX_SIGNATURE_LINES && end > 0; lines++) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = compact(text.substring(start, end)).replaceAll("[（(][^（）()]*(?:代章|印章|盖章)[)）]$", "");
            if (line.isEmpty() && lines == 0) {
                end = start - 1;
                continue;
            }
            // The first line of an office's name wrapped over two lines ends anywhere: 宁夏回族自治区深化医药卫生体制 / 改革领导小组办公室.
            boolean wrappedStart = name.length() > 0 && WRAPPED_NAME_START.matcher(line).matches();
            if (!ORGANISATION.matcher(line).matches() && !wrappedStart) break;
            name.insert(0, line);
            if (wrappedStart && !ORGANISATION.matcher(line).matches()) {
                break;
            }
            end = start - 1;
        }
        String found = name.toString();
        return found.isEmpty() || !ORGANISATION_START.matcher(found).find() ? null : found;
    }

    /** The document's own number: the first one standing at the start of a paragraph, not one cited in brackets. */
    private static String docNumber(String text) {
        Matcher m = DocumentNumbers.printedIn(text);
        while (m.find()) {
            int lineStart = text.lastIndexOf('\n', m.start()) + 1;
            String before = text.substring(lineStart, m.start());
            boolean atLineStart = before.isBlank();
            Matcher label = META_DOC_NUMBER.matcher(before);
            if (atLineStart || label.find() && label.end() == before.length()) {
                return text.substring(m.start(1), m.end()).replaceAll("\\s+", "");
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
        return y + "-" + (mo < 10 ? "0" : "") + mo + "-" + (d < 10 ? "0" : "") + d;
    }

    private static String compact(String s) {
        return s.replaceAll("[\\s#*]+", "");
    }
}
