package org.policygraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.ingest.ChineseLanguage;
import org.policygraph.extract.region.RegionGazetteer.Division;
import org.policygraph.extract.region.RegionGazetteer.Mention;
import org.policygraph.extract.Extraction.Level;

/**
 * Places in a task: administrative divisions named as places on their own, and named institutions
 * (hospitals, centres) with the division they lie in. A division that only begins a longer name — of an
 * institution, a department, a campaign, a document or a programme — is not a place of the task.
 */
final class PlaceMentions {

    record Place(int start, int end, String name, Division division) {}

    record Institution(int start, int end, String name, String regionCode) {}

    /** Heads that make a preceding division part of an institution's name (酒泉市人民医院, 平川区长征街道…). */
    private static final Pattern INSTITUTION_HEAD = Pattern.compile(
            "^[\\u4e00-\\u9fa5]{0,10}?(?:医院|卫生院|保健院|卫生服务中心|服务中心|医疗中心|医学中心|疾病预防控制中心|疾控中心|中心|研究院|研究所|大学|学院|学校|基地|街道|乡|镇|社区|村)");
    private static final Pattern DEPARTMENT_HEAD = Pattern.compile(
            "^[\\u4e00-\\u9fa5]{0,8}?(?:人民政府|政府|委员会|党委|卫生健康委|卫健委|管委会|局|厅|委|办公室|办)(?![\\u4e00-\\u9fa5]{0,2}(?:医院|中心))");
    /** Words that cannot sit inside a proper name; their presence means the division is followed by a clause. */
    private static final String LIST_MARK = "、和及与";
    private static final Pattern CONJUNCTION = Pattern.compile("[和与及、]");
    private static final Pattern FACILITY_OF_PLACE = Pattern.compile("每|各|新建|建成|新增|至少|所有|全部|[省市县区旗乡镇]级|二级|三级");
    private static final Pattern CLAUSE_WORD_IN_NAME = Pattern.compile(
            "的|在|对|试点|率先|以及|将|把|由|从|向|等|依托|推进|推动|实施|开展|建设|加强|深入|进一步|完善|探索|支持|分别|积极|加快|持续|全面|已|要|为|是|有");
    private static final Pattern CLAUSE_WORD = Pattern.compile(
            "的|在|对|试点|率先|将|把|由|从|向|等|和|与|及|依托|推进|推动|实施|开展|建设|加强|深入|进一步|完善|探索|支持|分别|积极|加快|持续|全面|已|要|为|是|有");
    private static final Pattern PROGRAMME_AFTER = Pattern.compile("^(?:市)?(?:医改|经验|模式|做法|精神|行动|样板)");
    private static final Pattern CAMPAIGN_BEFORE = Pattern.compile("(?:健康|美丽|平安|数字|智慧|幸福|文明)$");
    private static final Pattern INSTITUTION = Pattern.compile(
            "(?:医院|卫生院|保健院|卫生服务中心|医疗中心|医学中心|疾病预防控制中心)");
    private static final Pattern LEADING_VERBS = Pattern.compile(
            "^(?:推动|推进|协调推进|支持|加快|依托|对|将|在|由|列入|包括|其中|如|含|以|把|确定|选择|遴选|指导|鼓励|组织|开展|建设|做好|实施|完成|积极|全面|深入|配合|协助|参与|督促|和|与|及|、)+");
    private static final Pattern UNIVERSITY_HOSPITAL = Pattern.compile("^[\\u4e00-\\u9fa5]{2,12}(?:大学|医学院|医科大学)(?:附属)?[\\u4e00-\\u9fa5]{0,8}(?:医院|中心)$");
    private static final Pattern LEVEL_PREFIX = Pattern.compile("^(?:省|市|州|县|区|自治区|自治州)(?!级|域|内|外|直|属|县|区|州|乡)");

    private final RegionGazetteer gazetteer;

    PlaceMentions(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Divisions named as places in their own right. */
    List<Place> places(String text, String contextCode) {
        List<Place> places = new ArrayList<>();
        for (Mention m : gazetteer.findAll(text, contextCode)) {
            if (m.division().code() == null && m.division().name() == null) continue;
            if (insideTitle(text, m.start())) continue;
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 16));
            String before = text.substring(Math.max(0, m.start() - 4), m.start());
            if (PROGRAMME_AFTER.matcher(after).find() || CAMPAIGN_BEFORE.matcher(before).find()) continue;
            if (partOfName(after, INSTITUTION_HEAD) || partOfName(after, DEPARTMENT_HEAD)) continue;
            // The issuer's own division is named on its own mostly inside names of plans and platforms; in a list
            // of places (栾川县、新安县) it is a place like the others.
            boolean listed = !before.isEmpty() && LIST_MARK.indexOf(before.charAt(before.length() - 1)) >= 0
                    || !after.isEmpty() && LIST_MARK.indexOf(after.charAt(0)) >= 0;
            if (contextCode != null && contextCode.equals(m.division().code()) && !listed) continue;
            if (m.surface().length() <= 2 && straddlesWord(text, m.start(), m.end())) continue;
            if (farCountyByShortForm(m, contextCode)) continue;
            Place place = new Place(m.start(), m.end(), m.division().name(), m.division());
            // 深圳市罗湖区 names one place, the district; the city only qualifies it.
            if (!places.isEmpty()) {
                Place previous = places.get(places.size() - 1);
                if (previous.end() == place.start() && place.division().code() != null && previous.division().code() != null
                        && gazetteer.contains(previous.division().code(), place.division().code())) {
                    places.remove(places.size() - 1);
                    place = new Place(previous.start(), place.end(), place.name(), place.division());
                }
            }
            places.add(place);
        }
        return places;
    }

    /**
     * A county of another province named only by its short form (建昌 in 建昌帮, a school of herbal processing)
     * is far more often a word or a name of something else than the place: a document names a distant
     * county in full.
     */
    private boolean farCountyByShortForm(Mention m, String contextCode) {
        Division division = m.division();
        if (contextCode == null || contextCode.length() < 2 || division.level() != Level.COUNTY
                || division.provinceCode() == null || division.provinceCode().startsWith(contextCode.substring(0, 2))) {
            return false;
        }
        // A full name only when it is chiefly an ordinary word (老城区, 城区): a far county's real name stays a place.
        return !m.surface().equals(division.name()) || ChineseLanguage.mostFrequentReading(m.surface())
                .map(reading -> !reading.nature().startsWith("ns")).orElse(false);
    }

    /**
     * Whether the words after a place make it the start of a name (酒泉市人民医院). A conjunction right after the
     * place joins two names (白银市和定西市…), inside a name it is part of it (北京协和医院); quantities and
     * levels (每个街道, 新建三级医院, 县级医院) describe facilities of the place, not a name.
     */
    private static boolean partOfName(String after, Pattern head) {
        Matcher m = head.matcher(after);
        if (!m.find() || CONJUNCTION.matcher(after).lookingAt()) return false;
        String between = after.substring(0, m.end());
        return !CLAUSE_WORD_IN_NAME.matcher(between).find() && !FACILITY_OF_PLACE.matcher(between).find();
    }

    /**
     * A two-character name whose first character makes a word with the one before it (示范县 → 范县),
     * or whose last makes a word with the one after (党委和政府 → 和政), is a piece of other words.
     * The issuer's own division is left out above: a document names its own region only inside
     * names of plans, platforms and campaigns (甘肃省药品使用监测平台).
     */
    private static boolean straddlesWord(String text, int start, int end) {
        if (start > 0 && beats(text.substring(start - 1, start + 1), start >= 2 ? text.substring(start - 2, start) : null)) {
            return true;
        }
        return end < text.length()
                && beats(text.substring(end - 1, end + 1), end + 2 <= text.length() ? text.substring(end, end + 2) : null);
    }

    /** Whether a word across the name's edge is more likely than the word the neighbouring text forms on its own (州试 vs 试点). */
    private static boolean beats(String straddling, String neighbour) {
        int frequency = ChineseLanguage.termFrequency(straddling);
        return frequency > 0 && (neighbour == null || frequency > ChineseLanguage.termFrequency(neighbour));
    }

    static boolean insideTitle(String text, int position) {
        int open = text.lastIndexOf('《', position);
        int close = text.lastIndexOf('》', position);
        return open > close;
    }

    /**
     * Named institutions: a name ending in an institution head, beginning with a division or a level
     * prefix (省人民医院, 市第一人民医院, 会宁县人民医院). Generic ones (三级医院, 县级医院) have no such start.
     */
    List<Institution> institutions(String text, String contextCode, Division issuerRegion) {
        List<Institution> institutions = new ArrayList<>();
        Matcher head = INSTITUTION.matcher(text);
        int consumed = 0;
        while (head.find()) {
            int end = head.end();
            int start = nameStart(text, head.start(), consumed);
            String candidate = text.substring(start, end);
            Matcher verbs = LEADING_VERBS.matcher(candidate);
            if (verbs.find()) {
                start += verbs.end();
                candidate = candidate.substring(verbs.end());
            }
            if (CLAUSE_WORD_IN_NAME.matcher(candidate.substring(Math.min(candidate.length(), 1))).find()) {
                continue;
            }
            Optional<Institution> institution = locate(candidate, start, end, contextCode, issuerRegion);
            if (institution.isPresent()) {
                institutions.add(institution.get());
                consumed = end;
            }
        }
        return institutions;
    }

    private static int nameStart(String text, int headStart, int floor) {
        int i = headStart;
        while (i > floor && i > headStart - 16) {
            char c = text.charAt(i - 1);
            if ("、，,。；;：:（()）《》“”\"\n 和及与等".indexOf(c) >= 0 || Character.isDigit(c)) break;
            i--;
        }
        return i;
    }

    private Optional<Institution> locate(String name, int start, int end, String contextCode, Division issuerRegion) {
        if (name.length() < 4) return Optional.empty();
        List<Mention> mentions = gazetteer.findAll(name, contextCode);
        if (!mentions.isEmpty() && mentions.get(0).start() == 0) {
            Division d = mentions.get(0).division();
            String code = d.code() != null ? d.code() : d.parentCode();
            return Optional.of(new Institution(start, end, name, code));
        }
        if (LEVEL_PREFIX.matcher(name).find() && issuerRegion != null && namesOneInstitution(name.charAt(0), issuerRegion)) {
            return Optional.of(new Institution(start, end, name, regionForPrefix(name.charAt(0), issuerRegion)));
        }
        if (UNIVERSITY_HOSPITAL.matcher(name).find()) {
            String code = !mentions.isEmpty() ? mentions.get(0).division().code()
                    : issuerRegion != null ? issuerRegion.code() : null;
            return Optional.of(new Institution(start, end, name, code));
        }
        return Optional.empty();
    }

    /**
     * 市人民医院 names one hospital in a city's document but every city's in a province's; a level
     * prefix names an institution only at or above the issuer's level.
     */
    private static boolean namesOneInstitution(char prefix, Division issuerRegion) {
        return switch (prefix) {
            case '省', '自' -> true;
            case '市', '州' -> issuerRegion.level() != Extraction.Level.PROVINCE;
            default -> issuerRegion.level() == Extraction.Level.COUNTY;
        };
    }

    /** 省人民医院 lies in the issuer's province, 市第一人民医院 in the issuer's city (annotation guide). */
    private String regionForPrefix(char prefix, Division issuerRegion) {
        if (prefix == '省' || prefix == '自') {
            return issuerRegion.provinceCode();
        }
        if (prefix == '市' || prefix == '州') {
            if (issuerRegion.level() == Extraction.Level.COUNTY && issuerRegion.parentCode() != null) {
                return issuerRegion.parentCode();
            }
            return issuerRegion.code();
        }
        return issuerRegion.code();
    }
}
