package org.policygraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.extract.Extraction.Role;
import org.policygraph.ingest.ChineseLanguage;

/**
 * Reads the parties responsible for a task from its responsibility clause, in every form the annotation
 * guide lists: "(A、B按职责分工负责)", "(A、B分级负责)", "(A牵头，B、C配合)", "(牵头单位：A；责任单位：B)",
 * "〔责任单位：A、B〕", a separate line "责任单位：A、B", and "(…负责，排在第一位的为牵头单位)".
 */
final class ResponsibilityClauses {

    /** A responsible party as printed, with its role and offsets in the text that was searched. */
    record Party(String name, Role role, int start, int end) {}

    /** The clause found in a task: its parties, parties standing for all later tasks, and where it lies. */
    record Clause(List<Party> parties, List<String> standingParties, int start, int end, String deadline) {
        static final Clause NONE = new Clause(List.of(), List.of(), -1, -1, null);
    }

    private static final String LEAD_LABELS = "牵头责任单位|牵头单位|牵头部门|牵头处室|牵头科室|主办单位|主责单位";
    private static final String RESPONSIBLE_LABELS = "责任单位|责任部门|责任科室|责任处室|实施单位";
    private static final String PARTNER_LABELS = "主要协作单位|协作单位|配合单位|配合部门|协办单位|参与单位|参与部门|协助单位";
    private static final String TIME_LABELS = "完成时限|完成时间|时间节点|时间进度|进度安排";
    private static final String LABELS = LEAD_LABELS + "|" + RESPONSIBLE_LABELS + "|" + PARTNER_LABELS;
    private static final Pattern MARKER = Pattern.compile("负责|牵头|" + RESPONSIBLE_LABELS + "|配合|参与|协作单位|协办");
    /** A unit label: "牵头单位：", or in lenticular brackets without a colon, "【牵头单位】". */
    private static final Pattern LABELLED = Pattern.compile("【(" + LABELS + ")】\\s*[:：]?|(" + LABELS + ")\\s*[:：]");
    private static final Pattern LABELLED_LINE = Pattern.compile("\\s*(?:【(?:" + LABELS + ")】|(?:" + LABELS + ")\\s*[:：])");
    /** A bracket that points to an attachment or says where an office sits: no clause. */
    private static final Pattern NOT_A_CLAUSE = Pattern.compile("^\\s*(?:附件|见附件|详见|设在)");
    /** A time limit written in the clause: 2021年12月底前完成, 年底前完成, 长期坚持. */
    private static final Pattern TIME_LIMIT = Pattern.compile(
            "^(?:(?:(?:\\d{4}|20[一二三四五六七八九〇零]{2})年)?(?:\\d{1,2}月)?(?:\\d{1,2}日)?(?:年底|年内|上半年|下半年|底|末|中旬|上旬|下旬)?(?:前|以前|之前)?)"
                    + "(?:完成|落实|到位|见效|取得成效)?$");
    /** Lines that go with unit labels: a time limit (its value bounds the targets) or the leader (a person). */
    private static final Pattern COMPANION_LINE = Pattern.compile("\\s*(?:" + TIME_LABELS + "|责任领导|牵头领导|分管领导|联系人)\\s*[:：]");
    private static final Pattern TIME_LABELLED = Pattern.compile("(?:" + TIME_LABELS + ")\\s*[:：]\\s*([^；;\\n]*)");
    private static final Pattern PERSON_LABELLED = Pattern.compile("(?:责任领导|牵头领导|分管领导|联系人)\\s*[:：][^；;\\n]*");
    /** A time limit in brackets after a name: 省医保局（2023年底前完成）. */
    private static final Pattern BRACKETED_TIME = Pattern.compile("[（(]([^（）()]*(?:年|月|底|前)[^（）()]*)[)）]$");
    /** A word this frequent across a line break inside a cell (社 / 会) joins the two lines into one name. */
    private static final int MIN_WORD_ACROSS = 100;
    private static final Pattern CLOSING_MARKER = Pattern.compile(
            "(?:按职责分工负责|分工负责|分级负责|共同负责|负责落实|牵头负责|负责|配合|参与)$");
    // Precompiled: names are cleaned for every party of every task.
    private static final Pattern NAME_NOISE = Pattern.compile("[\\s\"“”‘’]+");
    private static final Pattern NAME_TRAILING_PUNCTUATION = Pattern.compile("[。；;，,.]+$");
    private static final Pattern NAME_LEADING_WORD = Pattern.compile("^(?:由|请|其中|主要由)");
    private static final Pattern LABEL_MARKS = Pattern.compile("[【】:：\\s]");
    private static final Pattern BARE_LEVEL = Pattern.compile("各?[省市州县区旗盟]");
    private static final Pattern TIME_WORD = Pattern.compile("[年月底末]|前|长期|持续|常态|逐年|按年");
    private static final Pattern STANDING_WORK = Pattern.compile("^(?:长期坚持|持续推进|持续开展|长期|持续|常态化推进|按年度推进|逐年推进)$");
    /** 牵头 as a marker, not inside a bracketed "（牵头）" after a name. */
    private static final Pattern LEAD_WORD = Pattern.compile("(?<![（(])牵头");
    private static final Pattern MARKED_LEAD = Pattern.compile("^(.+?)[（(]牵头[)）]$");
    private static final Pattern STANDING = Pattern.compile("以下(?:各项|所有)?(?:任务|工作|责任单位|牵头单位|单位)?(?:均|都)?(?:需|由|须|要|包括|包含|含)?([^。，,]{2,40}?)(?:负责|落实)?(?:工作)?[，,]?(?:以下)?(?:均)?(?:不再列出|不再一一列出|不再逐一列出|不再重复)");
    private static final Pattern STANDING_BEFORE = Pattern.compile(
            "(?:^|[，,；;])([^，,。；;]{2,30}?)(?:负责落实|负责|落实)[，,]?以下(?:均|各项任务均?)?不再(?:一一)?列出");
    /** "排在第一位的为牵头单位", "下同": notes on how to read the list, not parties. */
    private static final Pattern LEAD_NOTE = Pattern.compile(
            "[，,]?(?:排在第一位的|排名第一的|列第一位的|列在首位的|第一个)?为牵头(?:单位|部门)|[，,]?下同");
    private static final Pattern TRAILING_VERB = Pattern.compile(
            "(?:等(?:各)?(?:有关|相关)?(?:部门|单位)?|(?:各)?(?:有关|相关)(?:部门|单位))?(?:按(?:照)?职责分工负责|按职责分工落实|按职责负责|分工负责|分级负责|共同负责|负责落实|按职责落实|牵头负责|负责|落实|配合|参与|协助|协同|给予支持|予以支持|支持|指导)$");
    private static final Pattern ETC_SUFFIX = Pattern.compile("(?:等(?:各)?(?:有关|相关)?(?:部门|单位|机构)?|及(?:各)?(?:有关|相关)(?:部门|单位))$");
    private static final Pattern GENERIC = Pattern.compile(
            "^(?:[省市县区州]|各级|各地)?(?:各)?(?:有关|相关|其他|其它|成员)?(?:部门|单位|机构)$|(?:有关|相关|成员)(?:部门|单位)$|^各(?:有关|相关)?(?:部门|单位)$|^(?:有关|相关)方面$");
    /** Suffixes that end a department or government name; used to decide whether 和/及/与 separates two names. */
    private static final Pattern NAME_END = Pattern.compile("(?:委|局|厅|办|部|院|政府|中心|会|组|室|处|署|队|团|联|所|站|馆|行|司|社|党委|管委会|乡镇|街道|园区)$");
    /** Without a marker, a trailing bracket names parties only if every name is an office (not a hospital). */
    private static final Pattern OFFICE_END = Pattern.compile("(?:委|局|厅|办|部|政府|办公室|委员会|领导小组|管委会)$");
    /** Ends that complete an office's name; "社会" (人力资源社会 / 保障厅) does not. */
    private static final Pattern COMPLETE_NAME_END = Pattern.compile(
            "(?:委|局|厅|办|部|院|政府|中心|(?<!社)会|联|团委|集团|公司|室|处|署|队|所|站|馆|社|组|[)）])$|^$");
    private static final Pattern NAME_START = Pattern.compile("^(?:省|市|州|县|区|国家|各|地方|自治区|中央|团|军|解放军|武警)");
    private static final int MAX_NAME_LENGTH = 30;

    private ResponsibilityClauses() {}

    /** A cell of a duty-table row naming parties: its column's role (null: a 责任单位 column), [start, end) in the row. */
    record PartyCell(Role role, int start, int end) {}

    /**
     * The parties of a duty-table row. Everyone in a 牵头 column leads; a 责任单位 column leads with its
     * first name when no 牵头 column names anyone (and reads like a clause: "A牵头，B配合"), else it
     * holds partners; 配合/协办/参与 columns hold partners.
     */
    static Clause fromCells(String row, List<PartyCell> cells) {
        boolean leadColumnNamed = cells.stream().anyMatch(c -> c.role() == Role.LEAD
                && !names(row.substring(c.start(), c.end()), c.start(), Role.LEAD, true).isEmpty());
        List<Party> parties = new ArrayList<>();
        for (PartyCell cell : cells) {
            String content = row.substring(cell.start(), cell.end());
            if (cell.role() != null) {
                parties.addAll(names(content, cell.start(), cell.role(), true));
            } else if (leadColumnNamed) {
                parties.addAll(names(content, cell.start(), Role.PARTNER, false));
            } else {
                parties.addAll(parseSentence(content, cell.start()));
            }
        }
        // The party cells need not be next to each other: the clause has no one span.
        return new Clause(dedupe(parties), List.of(), -1, -1, null);
    }

    /** The parties a standing instruction in a preamble names: "以下任务均需各区县人民政府负责落实，不再逐一列出". */
    static List<String> standingInstruction(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = STANDING.matcher(text);
        while (m.find()) addNames(m.group(1), names);
        return names;
    }

    /** Finds the responsibility clause of a task's text; the last marked parenthetical wins. */
    static Clause find(String text) {
        List<int[]> groups = parentheticals(text);
        List<String> standingOnly = List.of();
        for (int i = groups.size() - 1; i >= 0; i--) {
            int[] g = groups.get(i);
            String inner = text.substring(g[0] + 1, g[1] - 1);
            if (MARKER.matcher(inner).find() && !inner.contains("《") && !NOT_A_CLAUSE.matcher(inner).find()) {
                Clause clause = parse(text, g[0] + 1, g[1] - 1, g[0], g[1]);
                if (!clause.parties().isEmpty() || clause.standingParties().isEmpty()) {
                    return clause;
                }
                // "责任单位：A、B（以下均需C负责，不再列出）": the bracket only states the standing instruction;
                // the parties are in the labels around it.
                standingOnly = clause.standingParties();
                text = text.substring(0, g[0]) + " ".repeat(g[1] - g[0]) + text.substring(g[1]);
                groups = parentheticals(text);
                break;
            }
        }
        int[] block = lastLabelledBlock(text);
        if (block == null) block = lastInlineLabel(text, groups);
        if (block != null) {
            Clause clause = parse(text, block[0], block[1], block[0], block[1]);
            if (standingOnly.isEmpty()) return clause;
            List<String> standing = new ArrayList<>(clause.standingParties());
            standingOnly.forEach(name -> { if (!standing.contains(name)) standing.add(name); });
            return new Clause(clause.parties(), standing, clause.start(), clause.end(), clause.deadline());
        }
        if (!standingOnly.isEmpty()) {
            return new Clause(List.of(), standingOnly, -1, -1, null);
        }
        Clause closing = closingSentence(text);
        if (closing != null) {
            return closing;
        }
        if (!groups.isEmpty()) {
            int[] last = groups.get(groups.size() - 1);
            String inner = text.substring(last[0] + 1, last[1] - 1);
            if (text.substring(last[1]).replaceAll("[\\s。；;]", "").isEmpty() && !NOT_A_CLAUSE.matcher(inner).find()) {
                Clause clause = parse(text, last[0] + 1, last[1] - 1, last[0], last[1]);
                if (!clause.parties().isEmpty() && clause.parties().stream().allMatch(p -> OFFICE_END.matcher(p.name()).find())) {
                    return clause;
                }
            }
        }
        return Clause.NONE;
    }

    /** The last run of consecutive lines that start with a unit label (牵头单位：…, 责任单位：…), as [start, end). */
    private static int[] lastLabelledBlock(String text) {
        int[] block = null;
        int lineStart = 0;
        int blockStart = -1;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.length();
            boolean labelled = LABELLED_LINE.matcher(text).region(lineStart, lineEnd).lookingAt();
            boolean companion = blockStart >= 0 && COMPANION_LINE.matcher(text).region(lineStart, lineEnd).lookingAt();
            if (labelled || companion) {
                if (blockStart < 0) blockStart = lineStart;
                block = new int[] {blockStart, lineEnd};
            } else {
                blockStart = -1;
            }
            lineStart = lineEnd + 1;
        }
        return block;
    }

    /**
     * A clause printed as the task's last sentence without brackets: "…。市医改办牵头，市卫生健康委、市医保局按职责分工负责。"
     * Taken only when the sentence ends with the marker and every name in it is an office's, so that a sentence
     * about who does what in the body (县健康促进办负责监测工作) is not read as one.
     */
    private static Clause closingSentence(String text) {
        String trimmed = text.strip();
        int end = trimmed.endsWith("。") ? trimmed.length() - 1 : trimmed.length();
        int start = Math.max(trimmed.lastIndexOf('。', end - 1), trimmed.lastIndexOf('\n', end - 1)) + 1;
        if (start <= 0 || end - start < 2) return null;
        String sentence = trimmed.substring(start, end);
        if (!CLOSING_MARKER.matcher(sentence).find()) return null;
        int offset = text.indexOf(trimmed);
        Clause clause = parse(text, offset + start, offset + end, offset + start, offset + end);
        boolean offices = !clause.parties().isEmpty()
                && clause.parties().stream().allMatch(p -> OFFICE_END.matcher(p.name()).find());
        return offices ? clause : null;
    }

    /** A unit label inside the last line that has one, outside brackets: "…。责任单位：A、B。" → [label, line end). */
    private static int[] lastInlineLabel(String text, List<int[]> groups) {
        Matcher m = LABELLED.matcher(text);
        int found = -1;
        while (m.find()) {
            int at = m.start();
            if (groups.stream().anyMatch(g -> at > g[0] && at < g[1])) continue;
            int lineStart = text.lastIndexOf('\n', at) + 1;
            if (found < 0 || found < lineStart) found = at;
        }
        if (found < 0) return null;
        int end = text.indexOf('\n', found);
        return new int[] {found, end < 0 ? text.length() : end};
    }

    /** Top-level bracketed groups [open, close) — mixed widths allowed, since OCR and web copies mix them. */
    private static List<int[]> parentheticals(String text) {
        List<int[]> groups = new ArrayList<>();
        int depth = 0;
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '（' || c == '〔') {
                if (depth == 0) open = i;
                depth++;
            } else if ((c == ')' || c == '）' || c == '〕') && depth > 0) {
                depth--;
                if (depth == 0) groups.add(new int[] {open, i + 1});
            }
        }
        return groups;
    }

    private static Clause parse(String text, int from, int to, int clauseStart, int clauseEnd) {
        String inner = text.substring(from, to).replace('\n', '；');
        List<String> standing = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        String deadline = null;
        Matcher timeLabelled = TIME_LABELLED.matcher(inner);
        if (timeLabelled.find()) {
            String limit = timeLabelled.group(1).replaceAll("\\s+", "").replaceAll("(?:完成|落实|到位)$", "");
            if (!limit.isEmpty() && !STANDING_WORK.matcher(limit).matches()) deadline = limit;
        }
        // Blank out, keeping offsets, what names no party: time limits and the leaders' names.
        inner = blank(blank(inner, TIME_LABELLED), PERSON_LABELLED);
        for (String sentence : sentencesWithOffsets(inner)) {
            int offset = from + Integer.parseInt(sentence.substring(0, sentence.indexOf(':')));
            String body = sentence.substring(sentence.indexOf(':') + 1);
            Matcher standingMatch = STANDING.matcher(body);
            Matcher trailingStanding = STANDING_BEFORE.matcher(body);
            if (standingMatch.find()) {
                addNames(standingMatch.group(1), standing);
                body = body.substring(0, standingMatch.start());
            } else if (trailingStanding.find()) {
                // "X负责落实，以下不再列出": X is a party of this task and of every later one.
                addNames(trailingStanding.group(1), standing);
                body = body.substring(0, trailingStanding.end(1)) + "负责";
            }
            body = LEAD_NOTE.matcher(body).replaceAll("");
            // Time limits written among the parties (…分工负责，2021年12月底前完成) bound the task's targets.
            if (TIME_WORD.matcher(body).find()) {
                StringBuilder kept = new StringBuilder(body.length());
                for (String part : body.split("(?<=[，,；;])")) {
                    String bare = part.replaceAll("[，,；;\\s]", "");
                    if (!bare.isEmpty() && TIME_LIMIT.matcher(bare).matches() && bare.matches(".*[年月前底末内].*")) {
                        if (deadline == null) deadline = bare.replaceAll("(?:完成|落实|到位|见效|取得成效)$", "");
                        kept.append(" ".repeat(part.length()));
                    } else if (STANDING_WORK.matcher(bare).matches()) {
                        kept.append(" ".repeat(part.length()));
                    } else {
                        kept.append(part);
                    }
                }
                body = kept.toString();
            }
            if (body.isBlank()) {
                continue;
            }
            parties.addAll(parseSentence(body, offset));
        }
        return new Clause(dedupe(parties), standing, clauseStart, clauseEnd, deadline);
    }

    private static String blank(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) out.setCharAt(i, ' ');
        }
        return out.toString();
    }

    /** Clause sentences as "offset:text", split on 。 and ；. */
    private static List<String> sentencesWithOffsets(String inner) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= inner.length(); i++) {
            if (i == inner.length() || inner.charAt(i) == '。') {
                if (i > start) sentences.add(start + ":" + inner.substring(start, i));
                start = i + 1;
            }
        }
        return sentences;
    }

    private static void addNames(String list, List<String> into) {
        for (Span part : split(list, 0)) {
            String name = cleanName(part.text);
            if (name != null && !into.contains(name)) into.add(name);
        }
    }

    private static List<Party> parseSentence(String body, int offset) {
        Matcher labelled = LABELLED.matcher(body);
        List<int[]> labels = new ArrayList<>();
        while (labelled.find()) {
            labels.add(new int[] {labelled.start(), labelled.end()});
        }
        if (!labels.isEmpty()) {
            return parseLabelled(body, offset, labels);
        }
        Matcher leadWord = LEAD_WORD.matcher(body);
        int lead = leadWord.find() ? leadWord.start() : -1;
        if (lead > 0) {
            String before = body.substring(0, lead).replaceFirst("(?:分别|共同|联合)$", "");
            String after = body.substring(lead + 2);
            List<Party> parties = new ArrayList<>(names(before, offset, Role.LEAD, true));
            parties.addAll(names(after, offset + lead + 2, Role.PARTNER, false));
            return parties;
        }
        List<Party> parties = names(body, offset, Role.PARTNER, false);
        if (!parties.isEmpty() && parties.stream().noneMatch(p -> p.role() == Role.LEAD)) {
            Party first = parties.get(0);
            parties.set(0, new Party(first.name(), Role.LEAD, first.start(), first.end()));
        }
        return parties;
    }

    private static List<Party> parseLabelled(String body, int offset, List<int[]> labels) {
        boolean hasLeadLabel = false;
        boolean hasHelperLabel = false;
        for (int[] l : labels) {
            String label = labelWord(body.substring(l[0], l[1]));
            hasLeadLabel |= label.matches(LEAD_LABELS);
            hasHelperLabel |= label.matches(PARTNER_LABELS);
        }
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int[] l = labels.get(i);
            int end = i + 1 < labels.size() ? labels.get(i + 1)[0] : body.length();
            String label = labelWord(body.substring(l[0], l[1]));
            String list = body.substring(l[1], end);
            boolean responsible = label.matches(RESPONSIBLE_LABELS);
            boolean leads = label.matches(LEAD_LABELS) || (!hasLeadLabel && hasHelperLabel && responsible);
            boolean firstLeads = !hasLeadLabel && !hasHelperLabel && responsible;
            List<Party> named = names(list, offset + l[1], leads ? Role.LEAD : Role.PARTNER, leads);
            if (firstLeads && !named.isEmpty() && named.stream().noneMatch(p -> p.role() == Role.LEAD)) {
                Party first = named.get(0);
                named.set(0, new Party(first.name(), Role.LEAD, first.start(), first.end()));
            }
            parties.addAll(named);
        }
        return parties;
    }

    private static String labelWord(String label) {
        return LABEL_MARKS.matcher(label).replaceAll("");
    }

    private record Span(String text, int start) {}

    private static List<Party> names(String list, int offset, Role role, boolean allSameRole) {
        List<Party> parties = new ArrayList<>();
        for (Span part : split(list, 0)) {
            String text = BRACKETED_TIME.matcher(part.text.strip()).replaceFirst("");
            Matcher marked = MARKED_LEAD.matcher(text);
            boolean leads = marked.matches();
            String name = cleanName(leads ? marked.group(1) : text);
            if (name == null) continue;
            int at = list.indexOf(name, part.start);
            int start = offset + Math.max(at, part.start);
            parties.add(new Party(name, leads ? Role.LEAD : role, start, start + name.length()));
        }
        return parties;
    }

    /** Splits a list of names on 、，,；; and on 和/及/以及/与 where they join two names rather than sit inside one. */
    private static List<Span> split(String list, int base) {
        List<Span> parts = new ArrayList<>();
        int start = 0;
        int depth = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '（' || c == '(') depth++;
            if ((c == '）' || c == ')') && depth > 0) depth--;
            int sepLength = 0;
            if (depth > 0) {
                continue;
            }
            if ("、，,；;/".indexOf(c) >= 0) {
                // 各市、县（区）人民政府 is one collective name: a bare level word does not stand alone.
                sepLength = c == '、' && BARE_LEVEL.matcher(list.substring(start, i).trim()).matches() ? 0 : 1;
            } else if (c == ' ' || c == '\n') {
                // A name broken over two lines of a table cell (省自然资源和 / 规划厅) is one name; two complete
                // names (市人社局 / 医保中心) are two.
                String before = list.substring(start, i).trim();
                String after = list.substring(i + 1).trim();
                boolean wordAcross = !before.isEmpty() && !after.isEmpty()
                        && ChineseLanguage.termFrequency(before.substring(before.length() - 1) + after.charAt(0)) >= MIN_WORD_ACROSS;
                sepLength = COMPLETE_NAME_END.matcher(before).find() && !wordAcross ? 1 : 0;
            } else if (list.startsWith("以及", i)) {
                sepLength = joinsTwoNames(list, start, i, i + 2) ? 2 : 0;
            } else if (c == '和' || c == '及' || c == '与' || c == '同') {
                sepLength = joinsTwoNames(list, start, i, i + 1) ? 1 : 0;
            }
            if (sepLength > 0) {
                if (i > start) parts.add(new Span(list.substring(start, i), base + start));
                start = i + sepLength;
                i += sepLength - 1;
            }
        }
        if (start < list.length()) parts.add(new Span(list.substring(start), base + start));
        return parts;
    }

    private static boolean joinsTwoNames(String list, int partStart, int sepStart, int sepEnd) {
        String before = ETC_SUFFIX.matcher(list.substring(partStart, sepStart).trim()).replaceAll("");
        String after = list.substring(sepEnd).trim();
        return NAME_END.matcher(before).find() || NAME_START.matcher(after).find();
    }

    static String cleanName(String raw) {
        String name = NAME_TRAILING_PUNCTUATION.matcher(NAME_NOISE.matcher(raw).replaceAll("")).replaceAll("");
        name = NAME_LEADING_WORD.matcher(name).replaceAll("");
        String previous;
        do {
            previous = name;
            name = TRAILING_VERB.matcher(name).replaceAll("");
            name = ETC_SUFFIX.matcher(name).replaceAll("");
        } while (!name.equals(previous));
        if (name.length() < 2 || name.length() > MAX_NAME_LENGTH || GENERIC.matcher(name).find()) {
            return null;
        }
        if (!Character.isLetter(name.charAt(0)) || name.indexOf('。') >= 0 || name.indexOf('：') >= 0 || name.indexOf(':') >= 0) {
            return null;
        }
        return name;
    }

    private static List<Party> dedupe(List<Party> parties) {
        List<Party> unique = new ArrayList<>();
        for (Party p : parties) {
            if (unique.stream().noneMatch(u -> u.name().equals(p.name()))) {
                unique.add(p);
            }
        }
        return unique;
    }
}
