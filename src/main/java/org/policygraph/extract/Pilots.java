package org.policygraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.extract.Extraction.PilotSite;
import org.policygraph.extract.PlaceMentions.Institution;
import org.policygraph.extract.PlaceMentions.Place;
import org.policygraph.extract.region.LevelWords;
import org.policygraph.ingest.ChineseNumerals;

/**
 * Designations of named sites as 试点 or 示范 of a programme. Sites are a run of places or institutions
 * joined by 、 和 及; the run designates when a 试点/示范 phrase follows it in the same clause
 * (庆阳市、白银市…紧密型城市医疗集团试点) or when it is the bracketed list of such a phrase
 * (试点的3家医院（市第一人民医院、…）).
 */
final class Pilots {

    /** A pilot with offsets in the searched text. */
    record Found(String programme, Level level, boolean stated, Integer declaredCount, List<PilotSite> sites,
                 int start, int end, int countStart, int countEnd) {}

    private record Site(int start, int end, PilotSite site) {}

    private static final Pattern KEYWORD = Pattern.compile("试点|示范");
    private static final Pattern COUNT = Pattern.compile("(\\d+|[一二两三四五六七八九十]{1,3})\\s*(?:家|个|所|座|批)");
    private static final String SEPARATORS = "、，, \u3000";
    private static final String JOINERS_REGEX = "^(?:以及|和|及|与|、|，|,|\\s)+";
    private static final String CLAUSE_END = "。；;！？\n";
    private static final Pattern PROGRAMME_TAIL = Pattern.compile("^(?:医院|城市|地区|县|市|区|项目|单位|机构|基地|县区|省|城|区域)");
    private static final Pattern PROGRAMME_LEAD = Pattern.compile("^(?:等|以及|共|的|已|被|为|作为|列为|确定为|开展|推进|深化|实施好?|深入推进|进一步)+");
    private static final int MAX_GAP = 40;

    private Pilots() {}

    static List<Found> find(String text, List<Place> places, List<Institution> institutions, Level issuerLevel) {
        List<Site> sites = new ArrayList<>();
        for (Place p : places) {
            if (p.division().code() != null) sites.add(new Site(p.start(), p.end(), PilotSite.region(p.name(), p.division().code())));
        }
        for (Institution i : institutions) {
            sites.removeIf(s -> s.start >= i.start() && s.end <= i.end());
            sites.add(new Site(i.start(), i.end(), PilotSite.institution(i.name(), i.regionCode())));
        }
        sites.sort(Comparator.comparingInt(Site::start));
        List<Found> pilots = new ArrayList<>();
        for (List<Site> run : runs(text, sites)) {
            Found pilot = designation(text, run, issuerLevel);
            if (pilot != null) pilots.add(pilot);
        }
        return pilots;
    }

    private static List<List<Site>> runs(String text, List<Site> sites) {
        List<List<Site>> runs = new ArrayList<>();
        List<Site> current = new ArrayList<>();
        for (Site site : sites) {
            if (!current.isEmpty()) {
                String gap = text.substring(current.get(current.size() - 1).end, site.start);
                if (!gap.replaceAll(JOINERS_REGEX, "").isEmpty()) {
                    runs.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(site);
        }
        if (!current.isEmpty()) runs.add(current);
        return runs;
    }

    private static Found designation(String text, List<Site> run, Level issuerLevel) {
        int runStart = run.get(0).start;
        int runEnd = run.get(run.size() - 1).end;
        List<PilotSite> sites = run.stream().map(Site::site).distinct().toList();
        // The run followed by its programme: 庆阳市、白银市…紧密型城市医疗集团试点
        int clauseEnd = runEnd;
        while (clauseEnd < text.length() && CLAUSE_END.indexOf(text.charAt(clauseEnd)) < 0 && clauseEnd - runEnd < MAX_GAP) {
            clauseEnd++;
        }
        String following = text.substring(runEnd, clauseEnd);
        Matcher keyword = KEYWORD.matcher(following);
        if (keyword.find() && !following.substring(0, keyword.start()).matches("[\\s\\S]*[，,][\\s\\S]*[，,][\\s\\S]*")) {
            int phraseEnd = runEnd + keyword.end();
            Matcher tail = PROGRAMME_TAIL.matcher(text.substring(phraseEnd));
            if (tail.find()) phraseEnd += tail.end();
            String phrase = text.substring(runEnd, phraseEnd);
            Matcher lead = PROGRAMME_LEAD.matcher(phrase);
            int programmeFrom = lead.find() ? lead.end() : 0;
            Integer count = null;
            int countStart = -1;
            int countEnd = -1;
            Matcher c = COUNT.matcher(phrase);
            if (c.find() && c.start() <= programmeFrom + 2) {
                count = toNumber(c.group(1));
                countStart = runEnd + c.start();
                countEnd = runEnd + c.end();
                programmeFrom = Math.max(programmeFrom, c.end());
            }
            String programme = stripLeadingVerbs(phrase.substring(programmeFrom));
            Level stated = statedLevel(phrase);
            return new Found(programme, stated != null ? stated : issuerLevel, stated != null, count, sites,
                    runStart, phraseEnd, countStart, countEnd);
        }
        // The run as the bracketed list of a programme: …试点的3家医院（A、B、C）
        int open = runStart - 1;
        while (open >= 0 && Character.isWhitespace(text.charAt(open))) open--;
        if (open >= 0 && (text.charAt(open) == '（' || text.charAt(open) == '(')) {
            int from = open;
            while (from > 0 && CLAUSE_END.indexOf(text.charAt(from - 1)) < 0 && "，,".indexOf(text.charAt(from - 1)) < 0 && open - from < MAX_GAP) {
                from--;
            }
            String phrase = text.substring(from, open);
            if (KEYWORD.matcher(phrase).find()) {
                Integer count = null;
                int countStart = -1;
                int countEnd = -1;
                Matcher c = COUNT.matcher(phrase);
                while (c.find()) {
                    count = toNumber(c.group(1));
                    countStart = from + c.start();
                    countEnd = from + c.end();
                }
                Level stated = statedLevel(phrase);
                return new Found(stripLeadingVerbs(phrase), stated != null ? stated : issuerLevel, stated != null, count, sites,
                        from, runEnd + 1, countStart, countEnd);
            }
        }
        return null;
    }

    private static String stripLeadingVerbs(String phrase) {
        return phrase.replaceAll("^(?:对|将|把|推动|推进|深入推进|加快|总结推广|总结|推广|列入|开展|实施好?|等|的)+", "").trim();
    }

    private static final Pattern STATED_LEVEL = Pattern.compile("国家级|国家|中央|全国|省级|全省|自治区级|全区|市级|全市|州级|全州|县级|全县");

    /** Level words in the programme phrase: 国家/中央/全国, 省级/全省/自治区级, 市级/全市/州级, 县级/全县. */
    static Level statedLevel(String phrase) {
        Matcher m = STATED_LEVEL.matcher(phrase);
        if (!m.find()) return null;
        return LevelWords.levelOf(m.group()).orElseThrow();
    }

    private static Integer toNumber(String digits) {
        if (Character.isDigit(digits.charAt(0))) return Integer.parseInt(digits);
        int value = ChineseNumerals.parse(digits);
        return value > 0 ? value : null;
    }
}
