package org.policygraph.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.ask.Interpretation.Chip;
import org.policygraph.ask.Interpretation.Criteria;
import org.policygraph.extract.region.LevelWords;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.extract.region.RegionGazetteer.Division;
import org.policygraph.extract.region.RegionGazetteer.Mention;

/**
 * Reads a question such as 白银市卫健委牵头的省级试点任务有哪些？ into task filters, with the graph's
 * vocabulary and the division gazetteer; no language model. What it does not understand it says.
 */
public final class QuestionInterpreter {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年(?!底|内|前)");
    private static final Pattern LEVEL = Pattern.compile("国家级|国家|中央|全国|省级|市级|县级|区级");
    private static final Pattern DEADLINE = Pattern.compile("年底前|年内|\\d{1,2}月底前|年底");
    private static final Pattern PILOT = Pattern.compile("试点|示范");
    private static final Pattern MENTION = Pattern.compile("提到|提及|涉及|点名|写到|说到");
    private static final Pattern LEAD = Pattern.compile("^(?:的)?(?:牵头|主责|领衔)");
    private static final Pattern PARTNER = Pattern.compile("^(?:的)?(?:配合|协助|协办)");
    /** Words that carry no filter: question words, particles and the nouns every question uses. */
    private static final Pattern FILLER = Pattern.compile(
            "哪些|什么|哪个|哪|有|的|是|了|在|中|和|与|及|任务|工作|事项|吗|呢|请问|列出|所有|全部|要|完成|设定|设置|指标|目标|"
                    + "负责|参与|牵头|配合|承担|地区|城市|医院|机构|单位|部门|试点|示范|提到|提及|涉及|文件|里|内|"
                    + "[，,。？?！!、\\s：:；;“”\"]");

    private final RegionGazetteer gazetteer;

    public QuestionInterpreter(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Interpretation interpret(String question, Vocabulary vocabulary) {
        String q = question.strip();
        boolean[] used = new boolean[q.length()];
        List<Chip> chips = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        boolean aboutPilots = PILOT.matcher(q).find();
        boolean aboutMentions = MENTION.matcher(q).find();

        String department = null;
        String departmentRegion = null;
        String role = null;
        Match dept = longest(q, vocabulary.departmentForms(), used);
        if (dept != null) {
            department = dept.name;
            mark(used, dept.start, dept.end);
            Optional<Mention> qualifier = regionEndingAt(q, dept.start);
            if (qualifier.isPresent() && qualifier.get().division().code() != null) {
                departmentRegion = qualifier.get().division().code();
                mark(used, qualifier.get().start(), qualifier.get().end());
                chips.add(new Chip("departmentRegion", departmentRegion, qualifier.get().surface()));
            }
            chips.add(new Chip("department", department, q.substring(dept.start, dept.end)));
            String after = q.substring(dept.end);
            if (LEAD.matcher(after).find()) role = "LEAD";
            else if (PARTNER.matcher(after).find()) role = "PARTNER";
            if (role != null) chips.add(new Chip("role", role, role.equals("LEAD") ? "牵头" : "配合"));
        }

        String pilotInstitution = null;
        Match institution = longestInstitution(q, vocabulary, used);
        if (institution != null) {
            pilotInstitution = institution.name;
            mark(used, institution.start, institution.end);
            chips.add(new Chip("pilotInstitution", institution.name, q.substring(institution.start, institution.end)));
        }

        String region = null;
        String mentionsRegion = null;
        String pilotRegion = null;
        String documentRegion = null;
        Matcher year = YEAR.matcher(q);
        Integer yearValue = null;
        int yearStart = -1;
        if (year.find()) {
            yearValue = Integer.parseInt(year.group(1));
            yearStart = year.start();
            mark(used, year.start(), year.end());
            chips.add(new Chip("year", year.group(1), year.group()));
        }
        for (Mention m : placeMentions(q)) {
            if (covered(used, m.start(), m.end())) continue;
            Division d = preferDocumentRegions(m, vocabulary, alternatives);
            if (d == null || d.code() == null) continue;
            mark(used, m.start(), m.end());
            if (m.end() == yearStart) {
                documentRegion = d.code();
                chips.add(new Chip("documentRegion", d.code(), m.surface()));
            } else if (aboutPilots) {
                pilotRegion = d.code();
                chips.add(new Chip("pilotRegion", d.code(), m.surface()));
            } else if (aboutMentions) {
                mentionsRegion = d.code();
                chips.add(new Chip("mentionsRegion", d.code(), m.surface()));
            } else {
                region = d.code();
                chips.add(new Chip("region", d.code(), m.surface()));
            }
        }

        String pilotLevel = null;
        String documentLevel = null;
        Matcher level = LEVEL.matcher(q);
        while (level.find()) {
            if (covered(used, level.start(), level.end())) continue;
            String value = level(level.group());
            mark(used, level.start(), level.end());
            if (aboutPilots) {
                pilotLevel = value;
                chips.add(new Chip("pilotLevel", value, level.group()));
            } else {
                documentLevel = value;
                chips.add(new Chip("documentLevel", value, level.group()));
            }
        }

        String deadline = null;
        Matcher d = DEADLINE.matcher(q);
        if (d.find()) {
            deadline = d.group();
            mark(used, d.start(), d.end());
            chips.add(new Chip("indicatorDeadline", deadline, d.group()));
        }

        Criteria criteria = new Criteria(department, departmentRegion, role, region, mentionsRegion, pilotLevel, pilotRegion,
                pilotInstitution, deadline, yearValue, documentRegion, documentLevel);
        return new Interpretation(question, criteria, chips, leftovers(q, used), alternatives);
    }

    private record Match(String name, int start, int end) {}

    /** The longest form of any department in the question, reported under its printed name. */
    private static Match longest(String q, Map<String, List<String>> forms, boolean[] used) {
        Match best = null;
        for (Map.Entry<String, List<String>> department : forms.entrySet()) {
            for (String form : department.getValue()) {
                int at = q.indexOf(form);
                if (at >= 0 && !covered(used, at, at + form.length()) && (best == null || form.length() > best.end - best.start)) {
                    best = new Match(department.getKey(), at, at + form.length());
                }
            }
        }
        return best;
    }

    /**
     * An institution as printed (市第一人民医院) or qualified by the division it lies in
     * (白银市第一人民医院), which is how a reader names it outside its own document.
     */
    private Match longestInstitution(String q, Vocabulary vocabulary, boolean[] used) {
        Match best = null;
        for (Vocabulary.Institution institution : vocabulary.institutions()) {
            for (String form : institutionForms(institution)) {
                int at = q.indexOf(form);
                if (at >= 0 && !covered(used, at, at + form.length()) && (best == null || form.length() > best.end - best.start)) {
                    best = new Match(institution.regionCode() + "|" + institution.name(), at, at + form.length());
                }
            }
        }
        return best;
    }

    private List<String> institutionForms(Vocabulary.Institution institution) {
        List<String> forms = new ArrayList<>();
        String name = institution.name();
        forms.add(name);
        if (institution.regionCode() != null && !name.isEmpty() && "省市州县区".indexOf(name.charAt(0)) >= 0) {
            gazetteer.byCode(institution.regionCode()).ifPresent(division -> forms.add(division.name() + name.substring(1)));
        }
        return forms;
    }

    /**
     * Divisions named in the question. Short forms that are also common words (白银, 合作) are left out
     * of running text by the gazetteer; in a question about places they mean the place.
     */
    private List<Mention> placeMentions(String q) {
        List<Mention> mentions = new ArrayList<>(gazetteer.findAll(q, null));
        for (String word : gazetteer.commonWordShortForms()) {
            int at = q.indexOf(word);
            if (at < 0) continue;
            int end = at + word.length();
            boolean overlaps = mentions.stream().anyMatch(m -> m.start() < end && at < m.end());
            List<Division> divisions = gazetteer.lookup(word);
            if (!overlaps && !divisions.isEmpty()) {
                mentions.add(new Mention(at, end, word, divisions.get(0)));
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    private Optional<Mention> regionEndingAt(String q, int position) {
        return placeMentions(q.substring(0, position)).stream()
                .filter(m -> m.end() == position).findFirst();
    }

    /** Of divisions sharing a name, the one inside a region the documents come from; the others are reported. */
    private Division preferDocumentRegions(Mention mention, Vocabulary vocabulary, List<String> alternatives) {
        List<Division> candidates = gazetteer.lookup(mention.surface());
        if (candidates.size() <= 1) {
            return mention.division();
        }
        Division chosen = candidates.stream()
                .filter(c -> c.code() != null && vocabulary.documentRegionCodes().stream()
                        .anyMatch(doc -> doc.equals(c.code()) || gazetteer.contains(doc, c.code()) || gazetteer.contains(c.code(), doc)))
                .min(Comparator.comparing(Division::level))
                .orElse(mention.division());
        for (Division other : candidates) {
            if (other != chosen && other.code() != null) {
                alternatives.add(mention.surface() + " 也可指 " + other.name() + "（" + other.code() + "）");
            }
        }
        return chosen;
    }

    private static String level(String word) {
        return LevelWords.levelOf(word).orElseThrow().name();
    }

    private static List<String> leftovers(String q, boolean[] used) {
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < q.length(); i++) {
            rest.append(used[i] ? ' ' : q.charAt(i));
        }
        List<String> words = new ArrayList<>();
        for (String piece : FILLER.matcher(rest).replaceAll(" ").trim().split("\\s+")) {
            if (!piece.isBlank()) words.add(piece);
        }
        return words;
    }

    private static void mark(boolean[] used, int start, int end) {
        for (int i = start; i < end; i++) used[i] = true;
    }

    private static boolean covered(boolean[] used, int start, int end) {
        for (int i = start; i < end; i++) if (used[i]) return true;
        return false;
    }
}
