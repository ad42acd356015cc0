package org.policygraph.extract.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.ingest.ChineseLanguage;

/**
 * China's administrative divisions (2023 NBS codes, see reference/divisions/README.md) with their
 * full names and rule-generated short forms. Immutable and thread-safe; {@link #load()} reads the
 * classpath tables once and caches the result.
 */
public final class RegionGazetteer {

    /**
     * One division. {@code code}, {@code parentCode} and {@code provinceCode} are six digits; a province's
     * {@code provinceCode} is its own code and its {@code parentCode} is null. Statistical-only zones
     * (兰州新区, development zones: see {@link DivisionTable.Row#statistical()}) have no GB/T 2260 code,
     * so their {@code code} is null; they sit at COUNTY level under their city.
     */
    public record Division(String code, String name, Level level, String parentCode, String provinceCode) {}

    /** A division named in a text; {@code [start, end)} are char offsets, {@code surface} the matched text. */
    public record Mention(int start, int end, String surface, Division division) {}

    /**
     * A short-form hit followed by one of these is the stem of some other unit's full name that did not
     * match (庆阳 in 庆阳县, 甘南 in 甘南县 outside the table…), so it is skipped.
     */
    private static final String ADMINISTRATIVE_SUFFIX_CHARS = "省市县区州";

    private static final Pattern REGION_CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");

    private record NameMatch(Division division, boolean fullName) {}

    /** Everything known about one surface string: the divisions it names and whether it is a stop word. */
    private record NameEntry(String surface, List<NameMatch> matches, boolean matchesFullName, boolean commonWord) {}

    /** The issuer's province and, when the issuer is below province level, its prefecture-level city. */
    private record Context(String provinceCode, String cityCode) {
        static final Context NONE = new Context(null, null);
    }

    private final List<Division> divisions;
    private final Map<String, Division> divisionsByCode;
    private final Map<String, NameEntry> namesBySurface;
    private final ChineseLanguage.WordAutomaton<NameEntry> nameAutomaton;
    private final Set<String> commonWordShortForms;

    private static final class Cached {
        static final RegionGazetteer INSTANCE = readClasspathTables();
    }

    /** The gazetteer built from the classpath tables, created on first use and then shared. */
    public static RegionGazetteer load() {
        return Cached.INSTANCE;
    }

    private RegionGazetteer(List<Division> divisions) {
        this.divisions = List.copyOf(divisions);
        Map<String, Division> byCode = new HashMap<>();
        Map<String, List<NameMatch>> matchesBySurface = new LinkedHashMap<>();
        for (Division division : divisions) {
            if (division.code() != null && byCode.put(division.code(), division) != null) {
                throw new IllegalStateException("duplicate division code " + division.code());
            }
            matchesBySurface.computeIfAbsent(division.name(), k -> new ArrayList<>())
                    .add(new NameMatch(division, true));
            if (division.code() == null) {
                continue; // statistical zones (石家庄高新技术产业开发区…) have no meaningful short form
            }
            for (String shortForm : DivisionNames.shortForms(division.name())) {
                matchesBySurface.computeIfAbsent(shortForm, k -> new ArrayList<>())
                        .add(new NameMatch(division, false));
            }
        }
        Map<String, NameEntry> names = new HashMap<>();
        Set<String> stopShortForms = new TreeSet<>();
        TreeMap<String, NameEntry> automatonInput = new TreeMap<>();
        matchesBySurface.forEach((surface, matches) -> {
            boolean matchesFullName = matches.stream().anyMatch(NameMatch::fullName);
            boolean commonWord = !matchesFullName && CommonWords.isCommonWord(surface);
            if (commonWord) {
                stopShortForms.add(surface);
            }
            NameEntry entry = new NameEntry(surface, List.copyOf(matches), matchesFullName, commonWord);
            names.put(surface, entry);
            automatonInput.put(surface, entry);
        });
        this.divisionsByCode = Map.copyOf(byCode);
        this.namesBySurface = Map.copyOf(names);
        this.commonWordShortForms = Collections.unmodifiableSet(stopShortForms);
        this.nameAutomaton = new ChineseLanguage.WordAutomaton<>(automatonInput);
    }

    /** Every division, provinces first, then cities, then counties and statistical zones, in table order. */
    public List<Division> divisions() {
        return divisions;
    }

    /** The division with this six-digit code; statistical zones (null code) are never found here. */
    public Optional<Division> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(divisionsByCode.get(code));
    }

    /** The division's ancestors, outermost first: [] for a province, [province] or [province, city]. */
    public List<Division> ancestors(Division division) {
        List<Division> ancestors = new ArrayList<>();
        String parentCode = division.parentCode();
        while (parentCode != null) {
            Division parent = divisionsByCode.get(parentCode);
            if (parent == null) {
                throw new IllegalArgumentException("unknown parent " + parentCode + " of " + division);
            }
            ancestors.add(0, parent);
            parentCode = parent.parentCode();
        }
        return ancestors;
    }

    /** True when {@code ancestorCode} is a proper ancestor of the division {@code code}; false for the division itself. */
    public boolean contains(String ancestorCode, String code) {
        Division division = code == null ? null : divisionsByCode.get(code);
        if (division == null || ancestorCode == null || ancestorCode.equals(code)) {
            return false;
        }
        return ancestorCode.equals(division.parentCode()) || ancestorCode.equals(division.provinceCode());
    }

    /** Every division whose full name or one of whose short forms is exactly {@code name}, in table order. */
    public List<Division> lookup(String name) {
        NameEntry entry = name == null ? null : namesBySurface.get(name);
        if (entry == null) {
            return List.of();
        }
        return entry.matches().stream().map(NameMatch::division).distinct().toList();
    }

    /**
     * The best division for {@code name} as written by an issuer in {@code contextCode} (a 2-, 4- or
     * 6-digit region code, or null). Candidates inside the issuer's city win, then those inside its
     * province, else all candidates nationally. Within that group a full-name match beats a short-form
     * match, then the higher level wins (a city over a same-named county); a remaining tie is ambiguous and
     * gives empty.
     */
    public Optional<Division> resolve(String name, String contextCode) {
        NameEntry entry = name == null ? null : namesBySurface.get(name);
        return entry == null ? Optional.empty() : resolve(entry, context(contextCode));
    }

    /**
     * Division mentions in {@code text}, leftmost-longest and non-overlapping, each resolved with
     * {@link #resolve}; names that do not resolve are dropped. Short-form hits (not the full name of any
     * division) are also dropped when followed by one of 省市县区州, or when the short form is a common word
     * (see {@link #commonWordShortForms()}). Whether a mention is part of an institution, campaign or
     * department name is left to the caller.
     */
    public List<Mention> findAll(String text, String contextCode) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Context context = context(contextCode);
        Map<String, Optional<Division>> resolvedBySurface = new HashMap<>();
        List<Mention> candidates = new ArrayList<>();
        nameAutomaton.scan(text, (begin, end, entry) -> {
            if (!entry.matchesFullName()) {
                if (entry.commonWord()) {
                    return;
                }
                // 甘孜州县级医院: a level word (县级) after the name does not make it the stem of another name.
                if (end < text.length() && ADMINISTRATIVE_SUFFIX_CHARS.indexOf(text.charAt(end)) >= 0
                        && !(end + 1 < text.length() && text.charAt(end + 1) == '级')) {
                    return;
                }
            }
            resolvedBySurface.computeIfAbsent(entry.surface(), surface -> resolve(entry, context))
                    .ifPresent(division -> candidates.add(new Mention(begin, end, entry.surface(), division)));
        });
        candidates.sort(Comparator.comparingInt(Mention::start)
                .thenComparing(Comparator.comparingInt(Mention::end).reversed()));
        // Of two overlapping names a full name beats a short form (确定西吉县: 西吉县, not 定西), then the longer wins.
        List<Mention> mentions = new ArrayList<>();
        int coveredUntil = 0;
        for (Mention candidate : candidates) {
            if (candidate.start() >= coveredUntil) {
                mentions.add(candidate);
                coveredUntil = candidate.end();
            } else if (!mentions.isEmpty() && beats(candidate, mentions.get(mentions.size() - 1))) {
                mentions.set(mentions.size() - 1, candidate);
                coveredUntil = candidate.end();
            }
        }
        return mentions;
    }

    /**
     * Two-character short forms that {@link #findAll} never reports because HanLP's core dictionary
     * knows them chiefly as ordinary words (most frequent nature not ns/nsf). They still work in
     * {@link #lookup} and {@link #resolve}.
     */
    public Set<String> commonWordShortForms() {
        return commonWordShortForms;
    }

    private static boolean beats(Mention candidate, Mention chosen) {
        boolean candidateFull = candidate.surface().equals(candidate.division().name());
        boolean chosenFull = chosen.surface().equals(chosen.division().name());
        if (candidateFull != chosenFull) return candidateFull;
        return candidate.end() - candidate.start() > chosen.end() - chosen.start();
    }

    private Optional<Division> resolve(NameEntry entry, Context context) {
        for (String scopeCode : new String[] {context.cityCode(), context.provinceCode()}) {
            if (scopeCode == null) {
                continue;
            }
            List<NameMatch> inScope = entry.matches().stream()
                    .filter(match -> isWithin(match.division(), scopeCode))
                    .toList();
            if (!inScope.isEmpty()) {
                return best(inScope);
            }
        }
        return best(entry.matches());
    }

    private static Optional<Division> best(List<NameMatch> matches) {
        Comparator<NameMatch> preference = Comparator.comparing((NameMatch match) -> !match.fullName())
                .thenComparing(match -> match.division().level()); // enum order: PROVINCE before COUNTY
        List<NameMatch> ranked = matches.stream().sorted(preference).toList();
        NameMatch first = ranked.get(0);
        if (ranked.size() > 1 && preference.compare(first, ranked.get(1)) == 0
                && !first.division().equals(ranked.get(1).division())) {
            return Optional.empty();
        }
        return Optional.of(first.division());
    }

    private static boolean isWithin(Division division, String scopeCode) {
        return scopeCode.equals(division.code())
                || scopeCode.equals(division.parentCode())
                || scopeCode.equals(division.provinceCode());
    }

    private Context context(String contextCode) {
        if (contextCode == null || !REGION_CODE.matcher(contextCode).matches()) {
            return Context.NONE;
        }
        String code = (contextCode + "0000").substring(0, 6);
        String provinceCode = code.substring(0, 2) + "0000";
        if (!divisionsByCode.containsKey(provinceCode)) {
            return Context.NONE;
        }
        Division city = divisionsByCode.get(code.substring(0, 4) + "00");
        return new Context(provinceCode, city != null && city.level() == Level.CITY ? city.code() : null);
    }

    private static RegionGazetteer readClasspathTables() {
        List<Division> divisions = new ArrayList<>();
        for (DivisionTable.Row row : DivisionTable.rows()) {
            divisions.add(new Division(row.statistical() ? null : row.code(), row.name(), row.level(),
                    row.parentCode(), row.provinceCode()));
        }
        return new RegionGazetteer(divisions);
    }
}
