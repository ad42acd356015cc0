package org.policygraph.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.ask.Interpretation.Chip;
import org.policygraph.extract.region.LevelWords;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.extract.region.RegionGazetteer.Division;
import org.policygraph.extract.region.RegionGazetteer.Mention;
import org.policygraph.graph.query.TaskWhere;

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
    /** Words saying that several departments or places hold together (共同负责, 同时提到). */
    private static final String TOGETHER = "(?:共同|都|均|一起|同时|也)?";
    /** 只参与, 仅配合: taking part without leading. */
    private static final String ONLY_WORD = "(?:只是|仅仅|只|仅)";
    private static final String ONLY = ONLY_WORD + "?";
    /** The role words right after a department, to what they say; the first that matches counts. */
    private static final Map<Pattern, RoleWord> ROLE_AFTER = roleAfter();
    /** Words before a department that exclude it: 没有省卫健委参与, 不由省医保局负责. */
    private static final Pattern EXCLUDED_BEFORE = Pattern.compile("(?:没有|没|不由|未由|并非由|非)$");
    /** Words before a topic that exclude it: 不涉及中医药. */
    private static final Pattern NEGATION_BEFORE = Pattern.compile("(?:不|没有|没|未|并不|并未)$");
    /** Words joining two departments or places; with 或/还是 either holds, else both. */
    private static final Pattern JOINER = Pattern.compile("和|与|及|以及|、|跟|同|或|或者|还是");
    private static final Pattern EITHER = Pattern.compile("或|还是");
    private static final Pattern NO_PILOT = Pattern.compile("(?:(?<!有)没有|(?<!有)没|无|未|不含|不涉及)(?:开展|设|安排|涉及)?(?:任何)?试点");
    private static final Pattern NO_INDICATOR = Pattern.compile(
            "(?:(?<!有)没有|(?<!有)没|无|未|不含|未设|不设)(?:设定|设置|设|提出|规定|明确)?了?(?:任何)?(?:量化|数量|具体|明确)?的?(?:指标|目标)");
    private static final Pattern HAS_INDICATOR = Pattern.compile(
            "(?:(?:设定|设置|设|提出|规定|有|含|带)了?(?:量化|数量|具体)?的?|量化|数量)(?:指标|目标)");
    private static final Pattern PERCENT_VALUE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*[%％]");
    private static final Pattern PERCENT_WORD = Pattern.compile("百分比|百分率|百分之");
    /** The unit indicators in per cent carry in the graph. */
    private static final String PERCENT = "%";
    /** A topic of one character (医, 药) would match almost every task. */
    private static final int MIN_TOPIC = 2;
    /** A run of words that may name a topic: no particle 的, punctuation or space (words already read). */
    private static final String TOPIC_WORDS = "([^的，,。？?！!、\\s]{2,}?)";
    /**
     * A topic: after 关于/涉及… up to 的, 方面, 任务 or a punctuation mark; between 与 and 有关/相关;
     * before 方面/领域/相关.
     */
    private static final List<Pattern> TOPICS = List.of(
            Pattern.compile("(?:关于|有关|涉及|围绕|针对|聚焦)" + TOPIC_WORDS
                    + "(?=的|方面|领域|相关|问题|任务|工作|$|[，,。？?！!、\\s])"),
            Pattern.compile("(?:与|和|跟|同)" + TOPIC_WORDS + "(?:有关|相关)"),
            Pattern.compile(TOPIC_WORDS + "(?:方面|领域|相关)(?=的|任务|工作|$|[，,。？?！!、\\s])"));
    /** Words that carry no filter: question words, particles and the nouns every question uses. */
    private static final Pattern FILLER = Pattern.compile(
            "既|又|多少个|多少项|多少|几个|几项|开展|有没有|是否|啥|干|管|事项|事情|事|都|共同|同时|一起|均|但|而|并且|并|由|或者|或|还是|以及|要求|达到|关于|有关|其中|当中|方面|相关|"
                    + "哪些|什么|哪个|哪|有|的|是|了|在|中(?=[，,。？?！!、\\s]|哪|有|的|$)|和|与|及|任务|工作|吗|呢|请问|列出|所有|全部|要|完成|设定|设置|指标|目标|"
                    + "负责|参与|牵头|配合|承担|地区|城市|医院|机构|单位|部门|试点|示范|提到|提及|涉及|文件|里|内|"
                    + "[，,。？?！!、\\s：:；;“”\"]");

    /** What may stand between the last department and its role word: 等部门, 的. */
    private static final String LEAD_IN = "^(?:等(?:部门|单位)?)?的?";

    /** What a role word says: the role (null: any), or that the department takes no part at all. */
    private record RoleWord(String role, boolean excluded) {}

    private static Map<Pattern, RoleWord> roleAfter() {
        Map<Pattern, RoleWord> roles = new LinkedHashMap<>();
        roles.put(Pattern.compile(LEAD_IN + TOGETHER + ONLY + "(?:参与|负责|配合|承担)?了?(?:但|而|却|、|，|,)?并?(?:不|没有|未|非)是?"
                + "(?:牵头|主责|领衔)(?:单位|部门)?"), new RoleWord("PARTNER", false));
        roles.put(Pattern.compile(LEAD_IN + TOGETHER + "(?:不|没有|没|未|并未|并不)(?:参与|负责|承担|配合|涉及)"), new RoleWord(null, true));
        roles.put(Pattern.compile(LEAD_IN + TOGETHER + ONLY_WORD + "(?:参与|配合)"), new RoleWord("PARTNER", false));
        roles.put(Pattern.compile(LEAD_IN + TOGETHER + "(?:牵头|主责|领衔)"), new RoleWord("LEAD", false));
        roles.put(Pattern.compile(LEAD_IN + TOGETHER + "(?:配合|协助|协办)"), new RoleWord("PARTNER", false));
        roles.put(Pattern.compile(LEAD_IN + TOGETHER + "(?:参与|负责|承担|管)"), new RoleWord(null, false));
        return roles;
    }

    private final RegionGazetteer gazetteer;

    public QuestionInterpreter(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Interpretation interpret(String question, Vocabulary vocabulary) {
        String q = question.strip();
        boolean[] used = new boolean[q.length()];
        List<Chip> chips = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        TaskWhere.Builder where = TaskWhere.builder();
        List<TaskWhere> allOf = new ArrayList<>();

        // Negations first: the 试点 of 没有试点 does not make the places of the question pilot sites.
        readIndicatorsAndPilots(q, used, where, chips);
        String rest = unused(q, used);
        boolean aboutPilots = PILOT.matcher(rest).find();
        boolean aboutMentions = MENTION.matcher(rest).find();

        readDepartments(q, vocabulary, used, where, allOf, chips);

        Match institution = longestInstitution(q, vocabulary, used);
        if (institution != null) {
            where.pilotInstitution(institution.name);
            mark(used, institution.start, institution.end);
            chips.add(new Chip("pilotInstitution", institution.name, q.substring(institution.start, institution.end)));
        }

        Matcher year = YEAR.matcher(q);
        int yearStart = -1;
        if (year.find()) {
            where.year(Integer.parseInt(year.group(1)));
            yearStart = year.start();
            mark(used, year.start(), year.end());
            chips.add(new Chip("year", year.group(1), year.group()));
        }
        List<Place> places = new ArrayList<>();
        for (Mention m : placeMentions(q)) {
            if (covered(used, m.start(), m.end())) continue;
            Division d = preferDocumentRegions(m, vocabulary, alternatives);
            if (d == null || d.code() == null) continue;
            mark(used, m.start(), m.end());
            String field = m.end() == yearStart ? "documentRegion"
                    : aboutPilots ? "pilotRegion" : aboutMentions ? "mentionsRegion" : "region";
            places.add(new Place(m, field, d.code()));
        }
        readPlaces(q, places, used, where, allOf, chips);

        Matcher level = LEVEL.matcher(q);
        while (level.find()) {
            if (covered(used, level.start(), level.end())) continue;
            String value = level(level.group());
            mark(used, level.start(), level.end());
            if (aboutPilots) {
                where.pilotLevel(value);
                chips.add(new Chip("pilotLevel", value, level.group()));
            } else {
                where.documentLevel(value);
                chips.add(new Chip("documentLevel", value, level.group()));
            }
        }

        Matcher d = DEADLINE.matcher(q);
        if (d.find()) {
            where.indicatorDeadline(d.group());
            mark(used, d.start(), d.end());
            chips.add(new Chip("indicatorDeadline", d.group(), d.group()));
        }

        boolean pilotConstrained = chips.stream()
                .anyMatch(c -> c.field().startsWith("pilot") || c.field().equals("hasPilot") || c.value().contains("\"pilot"));
        if (aboutPilots && !pilotConstrained) {
            Matcher pilot = PILOT.matcher(rest);
            pilot.find();
            where.hasPilot(true);
            mark(used, pilot.start(), pilot.end());
            chips.add(new Chip("hasPilot", "true", pilot.group()));
        }

        readTopics(q, vocabulary, used, allOf, chips);
        List<String> notUnderstood = new ArrayList<>();
        for (String word : leftovers(q, used)) {
            if (vocabulary.themeTerms().contains(word) || vocabulary.themeNames().contains(word)) {
                TaskWhere topic = topic(word, vocabulary);
                allOf.add(topic);
                chips.add(new Chip("allOf", WhereLiteral.json(topic), word));
            } else {
                notUnderstood.add(word);
            }
        }
        if (!allOf.isEmpty()) where.allOf(allOf);
        return new Interpretation(question, where.build(), chips, notUnderstood, alternatives);
    }

    /** 没有试点, 没有（设定）量化指标, 百分比指标, 达到100%, 设定了指标. */
    private static void readIndicatorsAndPilots(String q, boolean[] used, TaskWhere.Builder where, List<Chip> chips) {
        Matcher noPilot = NO_PILOT.matcher(q);
        if (noPilot.find()) {
            where.hasPilot(false);
            mark(used, noPilot.start(), noPilot.end());
            chips.add(new Chip("hasPilot", "false", noPilot.group()));
        }
        Matcher noIndicator = NO_INDICATOR.matcher(q);
        if (noIndicator.find() && !covered(used, noIndicator.start(), noIndicator.end())) {
            where.hasIndicator(false);
            mark(used, noIndicator.start(), noIndicator.end());
            chips.add(new Chip("hasIndicator", "false", noIndicator.group()));
            return;
        }
        Matcher percentValue = PERCENT_VALUE.matcher(q);
        if (percentValue.find()) {
            where.indicatorUnit(PERCENT).indicatorValue(Double.valueOf(percentValue.group(1)));
            mark(used, percentValue.start(), percentValue.end());
            chips.add(new Chip("indicatorValue", percentValue.group(1), percentValue.group()));
            chips.add(new Chip("indicatorUnit", PERCENT, percentValue.group()));
        } else {
            Matcher percent = PERCENT_WORD.matcher(q);
            if (percent.find()) {
                where.indicatorUnit(PERCENT);
                mark(used, percent.start(), percent.end());
                chips.add(new Chip("indicatorUnit", PERCENT, percent.group()));
            }
        }
        Matcher hasIndicator = HAS_INDICATOR.matcher(q);
        if (hasIndicator.find() && !covered(used, hasIndicator.start(), hasIndicator.end())) {
            where.hasIndicator(true);
            mark(used, hasIndicator.start(), hasIndicator.end());
            chips.add(new Chip("hasIndicator", "true", hasIndicator.group()));
        }
    }

    /** A department as named in the question: as printed (or an alias), or by a bare function word. */
    private record Named(List<String> departments, String departmentRegion, int start, int formStart, int end) {}

    /**
     * Every department of the question. Departments joined by 和/与/及/、 share a task, by 或 either
     * does; the role word after the last (牵头, 配合, 参与但不牵头) applies to each. One department
     * named by its printed name or an alias becomes the department filter itself; anything more an
     * allOf member.
     */
    private void readDepartments(String q, Vocabulary vocabulary, boolean[] used, TaskWhere.Builder where,
            List<TaskWhere> allOf, List<Chip> chips) {
        List<Named> named = new ArrayList<>();
        for (Match m = longestDepartment(q, vocabulary, used); m != null; m = longestDepartment(q, vocabulary, used)) {
            mark(used, m.start, m.end);
            List<String> departments = m.name == null ? vocabulary.departmentsByFunctionWord().get(q.substring(m.start, m.end))
                    : List.of(m.name);
            String region = null;
            int start = m.start;
            Optional<Mention> qualifier = regionEndingAt(q, m.start);
            if (qualifier.isPresent() && qualifier.get().division().code() != null
                    && !covered(used, qualifier.get().start(), qualifier.get().end())) {
                region = qualifier.get().division().code();
                start = qualifier.get().start();
                mark(used, qualifier.get().start(), qualifier.get().end());
            }
            named.add(new Named(departments, region, start, m.start, m.end));
        }
        named.sort(Comparator.comparingInt(Named::start));
        List<List<Named>> groups = new ArrayList<>();
        List<Boolean> either = new ArrayList<>();
        for (Named n : named) {
            if (!groups.isEmpty()) {
                List<Named> last = groups.get(groups.size() - 1);
                Matcher joiner = JOINER.matcher(q.substring(last.get(last.size() - 1).end(), n.start()));
                if (joiner.matches()) {
                    last.add(n);
                    either.set(either.size() - 1, either.get(either.size() - 1) || EITHER.matcher(joiner.group()).find());
                    mark(used, last.get(last.size() - 2).end(), n.start());
                    continue;
                }
            }
            groups.add(new ArrayList<>(List.of(n)));
            either.add(false);
        }
        List<TaskWhere> conditions = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Named> group = groups.get(g);
            int end = group.get(group.size() - 1).end();
            String role = null;
            String roleWords = "";
            boolean excluded = false;
            for (Map.Entry<Pattern, RoleWord> rolePattern : ROLE_AFTER.entrySet()) {
                Matcher m = rolePattern.getKey().matcher(q.substring(end));
                if (m.find()) {
                    role = rolePattern.getValue().role();
                    excluded = rolePattern.getValue().excluded();
                    roleWords = m.group();
                    mark(used, end, end + m.end());
                    break;
                }
            }
            int start = group.get(0).start();
            Matcher before = EXCLUDED_BEFORE.matcher(q.substring(0, start));
            if (before.find() && !covered(used, before.start(), start)) {
                excluded = true;
                start = before.start();
                mark(used, start, group.get(0).start());
            }
            Named only = group.get(0);
            if (named.size() == 1 && only.departments().size() == 1 && !excluded) {
                String department = only.departments().get(0);
                where.department(department).departmentRegion(only.departmentRegion()).role(role);
                if (only.departmentRegion() != null) {
                    chips.add(new Chip("departmentRegion", only.departmentRegion(), q.substring(only.start(), only.formStart())));
                }
                chips.add(new Chip("department", department, q.substring(only.formStart(), only.end())));
                if (role != null) chips.add(new Chip("role", role, roleWords.isEmpty() ? role : roleWords));
                continue;
            }
            List<TaskWhere> members = new ArrayList<>();
            for (Named n : group) {
                List<TaskWhere> departments = new ArrayList<>();
                for (String department : n.departments()) {
                    departments.add(TaskWhere.builder().department(department).departmentRegion(n.departmentRegion())
                            .role(role).build());
                }
                members.add(departments.size() == 1 ? departments.get(0) : TaskWhere.builder().anyOf(departments).build());
            }
            TaskWhere condition = members.size() == 1 ? members.get(0)
                    : either.get(g) ? TaskWhere.builder().anyOf(members).build() : TaskWhere.builder().allOf(members).build();
            conditions.add(excluded ? TaskWhere.builder().not(condition).build() : condition);
            starts.add(start);
            ends.add(end + roleWords.length());
        }
        // 省民政厅牵头或省教育厅牵头: groups joined by 或 are alternatives too
        for (int first = 0; first < conditions.size(); ) {
            int last = first;
            while (last + 1 < conditions.size() && either(q.substring(ends.get(last), starts.get(last + 1)))) {
                mark(used, ends.get(last), starts.get(last + 1));
                last++;
            }
            TaskWhere condition = first == last ? conditions.get(first)
                    : TaskWhere.builder().anyOf(List.copyOf(conditions.subList(first, last + 1))).build();
            allOf.add(condition);
            chips.add(new Chip("allOf", WhereLiteral.json(condition), q.substring(starts.get(first), ends.get(last))));
            first = last + 1;
        }
    }

    private static boolean either(String between) {
        Matcher joiner = JOINER.matcher(between);
        return joiner.matches() && EITHER.matcher(between).find();
    }

    private record Place(Mention mention, String field, String code) {}

    /** One place becomes its filter; places joined by 和/与/及/、 must all hold, by 或 one of them. */
    private static void readPlaces(String q, List<Place> places, boolean[] used, TaskWhere.Builder where,
            List<TaskWhere> allOf, List<Chip> chips) {
        List<List<Place>> groups = new ArrayList<>();
        List<Boolean> either = new ArrayList<>();
        for (Place place : places) {
            if (!groups.isEmpty()) {
                List<Place> last = groups.get(groups.size() - 1);
                Place previous = last.get(last.size() - 1);
                Matcher joiner = JOINER.matcher(q.substring(previous.mention().end(), place.mention().start()));
                if (joiner.matches() && previous.field().equals(place.field())) {
                    last.add(place);
                    either.set(either.size() - 1, either.get(either.size() - 1) || EITHER.matcher(joiner.group()).find());
                    mark(used, previous.mention().end(), place.mention().start());
                    continue;
                }
            }
            groups.add(new ArrayList<>(List.of(place)));
            either.add(false);
        }
        Set<String> setFields = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Place> group = groups.get(g);
            // 既提到庆阳又提到天水: a second place of the same field must hold as well
            if (group.size() == 1 && setFields.add(group.get(0).field())) {
                Place place = group.get(0);
                set(where, place.field(), place.code());
                chips.add(new Chip(place.field(), place.code(), place.mention().surface()));
                continue;
            }
            List<TaskWhere> members = new ArrayList<>();
            for (Place place : group) {
                TaskWhere.Builder member = TaskWhere.builder();
                set(member, place.field(), place.code());
                members.add(member.build());
            }
            TaskWhere condition = members.size() == 1 ? members.get(0)
                    : either.get(g) ? TaskWhere.builder().anyOf(members).build() : TaskWhere.builder().allOf(members).build();
            allOf.add(condition);
            chips.add(new Chip("allOf", WhereLiteral.json(condition),
                    q.substring(group.get(0).mention().start(), group.get(group.size() - 1).mention().end())));
        }
    }

    private static void set(TaskWhere.Builder where, String field, String code) {
        switch (field) {
            case "documentRegion" -> where.documentRegion(code);
            case "pilotRegion" -> where.pilotRegion(code);
            case "mentionsRegion" -> where.mentionsRegion(code);
            default -> where.region(code);
        }
    }

    /** 关于中医药, 涉及家庭医生, 有关疫情防控: the words after the topic word, up to 的 or the end. */
    private static void readTopics(String q, Vocabulary vocabulary, boolean[] used, List<TaskWhere> allOf,
            List<Chip> chips) {
        for (Pattern pattern : TOPICS) {
            // on the words not yet read, so that a place after 涉及 stays a place
            Matcher topic = pattern.matcher(unused(q, used));
            while (topic.find()) {
                String word = withoutLeadingFiller(topic.group(1));
                if (covered(used, topic.start(), topic.end()) || word.length() < MIN_TOPIC) continue;
                TaskWhere condition = topic(word, vocabulary);
                int start = topic.start();
                Matcher negation = NEGATION_BEFORE.matcher(q.substring(0, start));
                if (negation.find() && !covered(used, negation.start(), start)) {
                    condition = TaskWhere.builder().not(condition).build();
                    start = negation.start();
                }
                allOf.add(condition);
                mark(used, start, topic.end());
                chips.add(new Chip("allOf", WhereLiteral.json(condition), q.substring(start, topic.end())));
            }
        }
    }

    /** 哪些任务是中医药 → 中医药: the question words before a topic are not part of it. */
    private static String withoutLeadingFiller(String words) {
        String rest = words;
        for (Matcher filler = FILLER.matcher(rest); filler.lookingAt() && filler.end() > 0; filler = FILLER.matcher(rest)) {
            rest = rest.substring(filler.end());
        }
        return rest;
    }

    /**
     * Tasks about a word: its title holds the word, or the task is tagged with a reform theme through
     * that trigger term, or with the theme of that name (when the name is no trigger term itself), else
     * its text holds it. Theme tags leave out the responsibility clause, so 中医药 does not find every
     * task 省中医药管理局 takes part in.
     */
    private static TaskWhere topic(String word, Vocabulary vocabulary) {
        TaskWhere inTitle = TaskWhere.builder().titleContains(word).build();
        TaskWhere inBody = vocabulary.themeTerms().contains(word) ? TaskWhere.builder().themeTerm(word).build()
                : vocabulary.themeNames().contains(word) ? TaskWhere.builder().theme(word).build()
                : TaskWhere.builder().text(word).build();
        return TaskWhere.builder().anyOf(List.of(inTitle, inBody)).build();
    }

    private record Match(String name, int start, int end) {}

    /**
     * The longest form of any department in the question, under its printed name; or the longest bare
     * function word (卫健委), with a null name.
     */
    private static Match longestDepartment(String q, Vocabulary vocabulary, boolean[] used) {
        Match best = null;
        for (Map.Entry<String, List<String>> department : vocabulary.departmentForms().entrySet()) {
            for (String form : department.getValue()) {
                best = longer(best, q, form, department.getKey(), used);
            }
        }
        for (String word : vocabulary.departmentsByFunctionWord().keySet()) {
            best = longer(best, q, word, null, used);
        }
        return best;
    }

    private static Match longer(Match best, String q, String form, String name, boolean[] used) {
        for (int at = q.indexOf(form); at >= 0; at = q.indexOf(form, at + 1)) {
            if (!covered(used, at, at + form.length()) && (best == null || form.length() > best.end - best.start)) {
                return new Match(name, at, at + form.length());
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

    /** The question with the words already read blanked out. */
    private static String unused(String q, boolean[] used) {
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < q.length(); i++) rest.append(used[i] ? ' ' : q.charAt(i));
        return rest.toString();
    }

    private static void mark(boolean[] used, int start, int end) {
        for (int i = start; i < end; i++) used[i] = true;
    }

    private static boolean covered(boolean[] used, int start, int end) {
        for (int i = start; i < end; i++) if (used[i]) return true;
        return false;
    }
}
