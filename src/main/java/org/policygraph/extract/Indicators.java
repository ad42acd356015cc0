package org.policygraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.ingest.ChineseNumerals;

/**
 * Quantitative targets: a number with its unit that the text commits to reach (annotation guide,
 * "Indicators"). Percentages are targets unless they state a rule; counts need a target word in their
 * clause. Counts that describe an existing set (等5个医学中心) are not targets.
 */
final class Indicators {

    /** A found target with offsets in the searched text. */
    record Found(String text, double value, String unit, String comparator, String deadline, String subject, int start, int end) {}

    private static final String UNITS = "/10万|/万|/千|个百分点|%|‰|万人次|万人|万名|万元|亿元|万户|万张|个(?!月)|例|批次|分钟|小时|岁|天|类|家|名|所|种|人次|人|次|张|项|台|支|批|元|座|户|条|倍|床|间|辆|套|件|份|处|公里|平方米";
    // "2人间" is a kind of room, not two people.
    private static final Pattern ARABIC = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(" + UNITS + ")(?!间)");
    private static final Pattern CHINESE = Pattern.compile(
            "(?:至少有?|不少于|不低于|达到|超过|力争|新增|每[个县市区乡镇]+(?:至少)?有?)([一二两三四五六七八九十]{1,3})\\s*(个|家|所|名|种)");
    private static final Pattern TARGET_BEFORE = Pattern.compile(
            "≥|≤|＞|＜|达到|超过|不低于|不少于|至少|力争|完成|培养|培训|招收|招录|覆盖|实现|提高到|提高至|提升到|提升至|增加到|增加至|增至|提高|提升|降低到|降低至|降至|降低|下降|控制在|不超过|不高于|新增|建成|创建|打造|培育|遴选|确保|争取|达标|扩大到|保持在|稳定在");
    private static final Pattern TARGET_VERB_AFTER = Pattern.compile("[^，,；;。]{0,12}?(?:达到|覆盖|完成)");
    private static final Pattern BOUND_AFTER = Pattern.compile("^(?:以上|以下|以内|左右)");
    private static final Pattern AT_LEAST = Pattern.compile("至少|不低于|不少于|≥");
    private static final Pattern AT_MOST = Pattern.compile("≤|不超过|不高于|控制在|低于");
    private static final Pattern MORE_THAN = Pattern.compile("(?:超过|高于)[^，,]*$");
    private static final Pattern ABOUT = Pattern.compile("(?:约|大约)$");
    private static final double TEN_THOUSAND = 1e4;
    private static final double HUNDRED_MILLION = 1e8;
    private static final Pattern TARGET_WORD_REQUIRED_UNITS = Pattern.compile("岁|天|分钟|小时");
    private static final Pattern TARGET_AFTER = Pattern.compile("^(?:以上|以下|以内|左右|及以上|达到|达标|覆盖|全覆盖)");
    private static final Pattern RULE_CONTEXT = Pattern.compile("不受|不得|限制|比例不变");
    private static final Pattern DEADLINE = Pattern.compile(
            "(?:到|至|在)?(\\d{4}年\\d{1,2}月\\d{1,2}日(?:起|前|以前)|到?\\d{4}年(?:底|末)前?|(?:\\d{4}年)?\\d{1,2}月(?:底|末)前?|(?:\\d{4}年)?年?底前|(?:\\d{4}年)?年底|年内|年度内|当年|\\d{4}年(?:前|以前)|到\\d{4}年)");
    private static final String CLAUSE_BREAKS = "，,；;。！？\n";

    private Indicators() {}

    /**
     * @param text the searched text
     * @param excluded offsets that must not start a figure (pilot counts, citations, the responsibility clause)
     * @param requireTargetWord whether percentages also need a target word (for preambles)
     */
    static List<Found> find(String text, IntPredicate excluded, boolean requireTargetWord) {
        List<Found> found = new ArrayList<>();
        Matcher m = ARABIC.matcher(text);
        while (m.find()) {
            int start = m.start();
            if (excluded.test(start) || !standsAlone(text, start) || PlaceMentions.insideTitle(text, start)) continue;
            String unit = m.group(2);
            double value = Double.parseDouble(m.group(1).replace(",", ""));
            // 1.2万人次 is 12000 人次: the value is the number itself, the unit what is counted.
            if (unit.length() > 1 && (unit.startsWith("万") || unit.startsWith("亿"))) {
                value *= unit.startsWith("万") ? TEN_THOUSAND : HUNDRED_MILLION;
                unit = unit.substring(1);
            }
            Found f = judge(text, start, m.end(), value, unit, requireTargetWord);
            if (f != null) found.add(f);
        }
        Matcher c = CHINESE.matcher(text);
        while (c.find()) {
            int start = c.start(1);
            if (excluded.test(start)) continue;
            int value = ChineseNumerals.parse(c.group(1));
            if (value <= 0) continue;
            Found f = judge(text, start, c.end(), value, c.group(2), false);
            if (f != null) found.add(f);
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static final Pattern CELL = Pattern.compile(
            "^(≥|≤|>|<|＞|＜|不低于|不少于|不高于|不超过|达到|超过|约)?\\s*(\\d+(?:\\.\\d+)?)\\s*(?:[～~\\-—至]\\s*\\d+(?:\\.\\d+)?)?\\s*(%|‰|" + UNITS + ")?\\s*(以上|以下|以内|左右|及以上)?$");

    /**
     * The target in one cell of a table of targets (≥90%, 85, 0.5‰, 5～10): its value (a range's lower end),
     * comparator and unit, the unit taken from the row when the cell prints none. Null when the cell holds no figure.
     */
    static Found fromCell(String cell, String rowUnit, String subject, String deadline) {
        String compact = cell.replaceAll("[\\s\\u00a0]+", "").replace('％', '%');
        Matcher m = CELL.matcher(compact);
        if (!m.matches()) return null;
        String unit = m.group(3) != null ? m.group(3) : rowUnit == null ? null : rowUnit.replaceAll("[\\s（）()]", "").replace('％', '%');
        String before = m.group(1) == null ? "" : m.group(1).replace("≥", "不低于").replace("≤", "不超过")
                .replace("＞", "超过").replace(">", "超过").replace("＜", "低于").replace("<", "低于");
        String comparator = compact.matches("^\\d+(?:\\.\\d+)?[～~\\-—至].*") ? ">=" : comparator(before, m.group(4) == null ? "" : m.group(4));
        return new Found(cell.strip(), Double.parseDouble(m.group(2)), unit, comparator, deadline, subject, 0, cell.length());
    }

    /** The figure is not a piece of a longer number, a date, an ordinal or a listed set's size. */
    private static boolean standsAlone(String text, int start) {
        if (start > 0) {
            char before = text.charAt(start - 1);
            boolean timeBound = before == '前' && start > 1 && "底月年".indexOf(text.charAt(start - 2)) >= 0;
            if (Character.isDigit(before) || before == '.' || before == '第' || before == '等' || before == '前' && !timeBound
                    || before == '近') {
                return false;
            }
        }
        return true;
    }

    private static Found judge(String text, int start, int end, double value, String unit, boolean requireTargetWord) {
        int clauseStart = clauseStart(text, start);
        int clauseEnd = clauseEnd(text, end);
        String before = text.substring(clauseStart, start);
        String after = text.substring(end, clauseEnd);
        if (RULE_CONTEXT.matcher(before).find()) return null;
        if (end < text.length() && unit.equals("个") && text.startsWith("百分点", end)) return null;
        boolean percentage = unit.equals("%") || unit.equals("个百分点");
        Matcher targetBefore = TARGET_BEFORE.matcher(before);
        int targetAt = -1;
        while (targetBefore.find()) targetAt = targetBefore.start();
        boolean targetAfter = TARGET_AFTER.matcher(after).find() || TARGET_VERB_AFTER.matcher(after).lookingAt();
        if (!(targetAt >= 0 || targetAfter || percentage && !requireTargetWord)) {
            return null;
        }
        // Ages and durations (65岁及以上老年人, 6天) are targets only after a target word (寿命达到83.5岁, 控制在7天以内).
        if (targetAt < 0 && TARGET_WORD_REQUIRED_UNITS.matcher(unit).matches()) {
            return null;
        }
        String comparator = comparator(before, after);
        int textStart = targetAt >= 0 && start - (clauseStart + targetAt) <= 24 ? clauseStart + targetAt : start;
        int textEnd = end;
        Matcher post = BOUND_AFTER.matcher(after);
        if (post.find()) textEnd = end + post.end();
        return new Found(text.substring(textStart, textEnd), value, unit, comparator, deadline(text, start),
                text.substring(clauseStart, clauseEnd).trim(), textStart, textEnd);
    }

    private static String comparator(String before, String after) {
        if (after.startsWith("以上") || after.startsWith("及以上")) return ">=";
        if (after.startsWith("以下") || after.startsWith("以内")) return "<=";
        if (after.startsWith("左右")) return "~";
        String near = before.length() > 16 ? before.substring(before.length() - 16) : before;
        if (AT_LEAST.matcher(near).find()) return ">=";
        if (AT_MOST.matcher(near).find()) return "<=";
        if (MORE_THAN.matcher(near).find()) return ">";
        if (ABOUT.matcher(near).find()) return "~";
        return "=";
    }

    /** The nearest time bound before the figure in its sentence. */
    private static String deadline(String text, int position) {
        int sentenceStart = position;
        while (sentenceStart > 0 && "。！？\n".indexOf(text.charAt(sentenceStart - 1)) < 0) sentenceStart--;
        Matcher d = DEADLINE.matcher(text.substring(sentenceStart, position));
        String deadline = null;
        while (d.find()) deadline = d.group(1);
        return deadline;
    }

    private static int clauseStart(String text, int position) {
        int i = position;
        while (i > 0 && CLAUSE_BREAKS.indexOf(text.charAt(i - 1)) < 0) i--;
        return i;
    }

    private static int clauseEnd(String text, int position) {
        int i = position;
        while (i < text.length() && CLAUSE_BREAKS.indexOf(text.charAt(i)) < 0) i++;
        return i;
    }
}
