package org.policygraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.extract.Extraction.DepartmentRole;
import org.policygraph.extract.Extraction.Document;
import org.policygraph.extract.Extraction.Indicator;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.extract.Extraction.LevelBasis;
import org.policygraph.extract.Extraction.Pilot;
import org.policygraph.extract.Extraction.RegionRef;
import org.policygraph.extract.Extraction.Role;
import org.policygraph.extract.Extraction.Section;
import org.policygraph.extract.Extraction.Span;
import org.policygraph.extract.Extraction.Task;
import org.policygraph.extract.PlaceMentions.Institution;
import org.policygraph.extract.PlaceMentions.Place;
import org.policygraph.extract.ResponsibilityClauses.Clause;
import org.policygraph.extract.ResponsibilityClauses.Party;
import org.policygraph.extract.region.LevelWords;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.extract.region.RegionGazetteer.Division;
import org.policygraph.ingest.CleanText;
import org.policygraph.ingest.DocumentLayout;
import org.policygraph.ingest.DocumentNumbers;
import org.policygraph.ingest.DocumentLayout.ColumnRole;
import org.policygraph.ingest.DocumentLayout.TableCell;
import org.policygraph.ingest.DocumentLayout.TaskSlice;
import org.policygraph.ingest.PreparedDocument;
import org.policygraph.ingest.StructureParser;
import org.policygraph.reading.ReadDocument;
import org.policygraph.reference.ReferenceTables;

/**
 * Turns the bytes of one policy document into an {@link Extraction}: decode, normalize, find the
 * structure, then read each task's departments, places, pilots, indicators and citations. Thread-safe;
 * needs no database.
 */
public class PolicyExtractor {

    static final String PROVINCE_ABBREVIATIONS = "/reference/province-abbreviations.tsv";
    private static final Pattern CITATION = Pattern.compile("《[^《》\\n]{2,100}》");
    private static final Pattern NATIONAL_ISSUER = Pattern.compile("^(?:国务院|国家|中共中央|中央|全国)");
    /** A ministry or national bureau named without a place: 财政部, 国家医保局 (国家… is NATIONAL_ISSUER). */
    private static final Pattern CENTRAL_BODY = Pattern.compile("^[\\u4e00-\\u9fa5]{1,8}部(?:办公厅)?$");
    /** A level named at the start of a title that names no place: 省级相关部门…职责清单. */
    private static final Pattern LEVEL_WORD = Pattern.compile("^(省|自治区|市|州|县|区)级");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TITLE_TRAILING_PUNCTUATION = Pattern.compile("[：:，,；;]+$");
    private static final Pattern ISSUER_DOC_NUMBER_PREFIX = Pattern.compile("^([\\u4e00-\\u9fa5])");

    private final RegionGazetteer gazetteer;
    private final PlaceMentions placeMentions;
    private final Map<Character, String> provinceByAbbreviation;

    public PolicyExtractor() {
        this(RegionGazetteer.load());
    }

    public PolicyExtractor(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.placeMentions = new PlaceMentions(gazetteer);
        this.provinceByAbbreviation = loadAbbreviations();
    }

    public RegionGazetteer gazetteer() {
        return gazetteer;
    }

    /** The extraction of a prepared document (see {@link org.policygraph.ingest.DocumentPreparer}). */
    public Extraction extract(String sourceName, PreparedDocument prepared) {
        return assemble(sourceName, prepared.contentHash(), prepared.read(), prepared.clean(), prepared.layout());
    }

    private Extraction assemble(String sourceName, String contentHash, ReadDocument decoded, CleanText clean, DocumentLayout layout) {
        DocumentLayout.Header header = layout.header();
        Division issuerRegion = issuerRegion(header).orElse(null);
        Level level = documentLevel(header, issuerRegion);
        String contextCode = issuerRegion != null ? issuerRegion.code() : null;
        String text = clean.text();

        List<Task> tasks = new ArrayList<>();
        List<String> standing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int firstTask = layout.tasks().isEmpty() ? text.length() : layout.tasks().get(0).start();
        for (DocumentLayout.Slice body : layout.untaskedBody()) {
            if (body.start() < firstTask) {
                standing.addAll(ResponsibilityClauses.standingInstruction(text.substring(body.start(), Math.min(body.end(), firstTask))));
            }
        }
        for (TaskSlice slice : layout.tasks()) {
            String sectionTitle = slice.section() > 0 ? layout.sections().get(slice.section() - 1).title() : null;
            Task task = task(clean, slice, sectionTitle, standing, contextCode, issuerRegion, level);
            tasks.add(task);
            if (slice.truncated()) {
                warnings.add("task " + slice.ordinal() + " (" + slice.label() + ") is cut off by the end of the text");
            }
        }
        List<Indicator> documentIndicators = new ArrayList<>();
        for (DocumentLayout.Slice body : layout.untaskedBody()) {
            String part = text.substring(body.start(), body.end());
            for (Indicators.Found f : Indicators.find(part, at -> false, true)) {
                documentIndicators.add(indicator(clean, body.start(), f));
            }
        }
        for (DocumentLayout.TargetCell cell : layout.targetCells()) {
            Indicators.Found f = Indicators.fromCell(text.substring(cell.start(), cell.end()), cell.unit(), cell.subject(), cell.year());
            if (f != null) documentIndicators.add(indicator(clean, cell.start(), f));
        }
        List<Section> sections = layout.sections().stream()
                .map(s -> new Section(s.ordinal(), s.label(), s.title(), span(clean, s.start(), s.end())))
                .toList();
        RegionRef region = issuerRegion == null ? null : new RegionRef(issuerRegion.name(), issuerRegion.code());
        Document document = new Document(header.title(), header.docNumber(), header.issuer(), header.issueDate(),
                level, region, header.year(), documentIndicators, sourceName, contentHash,
                decoded.format().name(), decoded.charset(), warnings);
        return new Extraction(document, sections, tasks);
    }

    private Task task(CleanText clean, TaskSlice slice, String sectionTitle, List<String> standing, String contextCode,
                      Division issuerRegion, Level level) {
        String text = clean.text().substring(slice.start(), slice.end());
        int base = slice.start();
        int bodyOffset = slice.labelEnd() - slice.start();

        Clause clause = slice.tableRow() ? ResponsibilityClauses.fromCells(text, cellsOf(slice)) : ResponsibilityClauses.find(text);
        java.util.function.IntPredicate inPartyCell = at -> slice.cells().stream()
                .anyMatch(c -> c.role() != ColumnRole.DUTY && c.role() != ColumnRole.OTHER
                        && at >= c.start() - base && at < c.end() - base);
        List<DepartmentRole> departments = new ArrayList<>();
        if (clause.parties().isEmpty() && sectionTitle != null && StructureParser.isOfficeHeading(sectionTitle)) {
            // A 职责清单 lists duties under each office's name: "一、区卫生健康委" / "1.承担…".
            departments.add(new DepartmentRole(sectionTitle, Role.LEAD, null));
        }
        for (Party p : clause.parties()) {
            departments.add(new DepartmentRole(p.name(), p.role(), span(clean, base + p.start(), base + p.end())));
        }
        for (String name : standing) {
            if (departments.stream().noneMatch(d -> d.name().equals(name))) {
                departments.add(new DepartmentRole(name, Role.PARTNER, null));
            }
        }
        for (String name : clause.standingParties()) {
            if (!standing.contains(name)) standing.add(name);
        }

        List<Place> places = placeMentions.places(text, contextCode);
        places.removeIf(p -> p.start() < bodyOffset || inPartyCell.test(p.start()));
        List<Institution> institutions = placeMentions.institutions(text, contextCode, issuerRegion);
        List<Pilots.Found> pilotsFound = Pilots.find(text, places, institutions, level);

        Map<String, RegionRef> regions = new LinkedHashMap<>();
        for (Place p : places) {
            String key = p.division().code() != null ? p.division().code() : "name:" + p.name();
            regions.putIfAbsent(key, new RegionRef(p.name(), p.division().code()));
        }

        List<Pilot> pilots = new ArrayList<>();
        for (Pilots.Found f : pilotsFound) {
            pilots.add(new Pilot(f.programme(), f.level(), f.stated() ? LevelBasis.STATED : LevelBasis.ISSUER,
                    f.declaredCount(), f.sites(), span(clean, base + f.start(), base + f.end())));
        }

        // A time limit in the clause or the table's 完成时限 column bounds the targets that print none.
        String taskDeadline = clause.deadline() != null ? clause.deadline() : deadlineCell(clean.text(), slice);
        int clauseStart = clause.start();
        int clauseEnd = clause.end();
        List<Indicator> indicators = new ArrayList<>();
        for (Indicators.Found f : Indicators.find(text, at -> at < bodyOffset || inPartyCell.test(at)
                || (clauseStart >= 0 && at >= clauseStart && at < clauseEnd)
                || pilotsFound.stream().anyMatch(p -> at >= p.countStart() && at < p.countEnd()), false)) {
            Indicator found = indicator(clean, base, f);
            if (found.deadline() == null && taskDeadline != null) {
                found = new Indicator(found.text(), found.value(), found.unit(), found.comparator(), taskDeadline,
                        found.subject(), found.evidence());
            }
            indicators.add(found);
        }

        List<String> citations = new ArrayList<>();
        Matcher c = CITATION.matcher(text);
        while (c.find()) {
            if (!citations.contains(c.group())) citations.add(c.group());
        }
        Matcher n = DocumentNumbers.printedIn(text);
        while (n.find()) {
            String before = text.substring(Math.max(0, n.start() - 2), n.start());
            if (!before.contains("》") && !citations.contains(n.group())) citations.add(n.group());
        }

        Span span = span(clean, slice.start(), slice.end());
        String title = slice.tableRow() ? cellTitle(clean.text(), slice) : title(text, bodyOffset, clause);
        return new Task(slice.ordinal(), slice.label(), slice.section(), title, text, span, departments, new ArrayList<>(regions.values()),
                pilots, indicators, citations, slice.truncated(), clean.original().substring(span.start(), span.end()));
    }

    /** The cells of a table task that name parties, relative to the row. */
    private static List<ResponsibilityClauses.PartyCell> cellsOf(TaskSlice slice) {
        List<ResponsibilityClauses.PartyCell> cells = new ArrayList<>();
        for (TableCell cell : slice.cells()) {
            Role role = switch (cell.role()) {
                case LEAD -> Role.LEAD;
                case PARTNER -> Role.PARTNER;
                case RESPONSIBLE -> null;
                default -> Role.PARTNER;
            };
            if (cell.role() == ColumnRole.LEAD || cell.role() == ColumnRole.RESPONSIBLE || cell.role() == ColumnRole.PARTNER) {
                cells.add(new ResponsibilityClauses.PartyCell(role, cell.start() - slice.start(), cell.end() - slice.start()));
            }
        }
        return cells;
    }

    private static String deadlineCell(String text, TaskSlice slice) {
        return slice.cells().stream().filter(c -> c.role() == ColumnRole.DEADLINE)
                .map(c -> text.substring(c.start(), c.end()).replaceAll("\\s+", ""))
                .filter(d -> !d.isEmpty()).findFirst().orElse(null);
    }

    /** A table task's title: its duty cell up to the first 。. */
    private static String cellTitle(String text, TaskSlice slice) {
        for (TableCell cell : slice.cells()) {
            if (cell.role() != ColumnRole.DUTY) continue;
            String duty = text.substring(cell.start(), cell.end());
            int stop = duty.indexOf('。');
            if (stop >= 0) duty = duty.substring(0, stop);
            return duty.replaceAll("\\s+", "").replaceAll("[：:，,；;。]+$", "");
        }
        return null;
    }

    private static Span span(CleanText clean, int start, int end) {
        CleanText.OriginalSpan original = clean.toOriginal(start, end);
        return new Span(original.start(), original.end());
    }

    private static Indicator indicator(CleanText clean, int base, Indicators.Found f) {
        return new Indicator(f.text(), f.value(), f.unit(), f.comparator(), f.deadline(), f.subject(),
                span(clean, base + f.start(), base + f.end()));
    }

    /** The heading that opens the task: up to its first 。, without label, markup or responsibility clause. */
    static String title(String text, int bodyOffset, Clause clause) {
        int end = text.indexOf('\n', bodyOffset);
        if (end < 0) end = text.length();
        int stop = text.indexOf('。', bodyOffset);
        if (stop >= 0 && stop < end) end = stop;
        if (clause.start() >= bodyOffset && clause.start() < end) end = clause.start();
        String title = WHITESPACE.matcher(text.substring(bodyOffset, end)).replaceAll("");
        return TITLE_TRAILING_PUNCTUATION.matcher(title).replaceAll("");
    }

    private Optional<Division> issuerRegion(DocumentLayout.Header header) {
        for (String source : new String[] {header.issuer(), header.title()}) {
            if (source == null || NATIONAL_ISSUER.matcher(source).find()) continue;
            Optional<Division> found = leadingDivision(source.replaceFirst("^中共", ""));
            if (found.isPresent()) return found;
        }
        if (header.docNumber() != null && (header.issuer() == null || !NATIONAL_ISSUER.matcher(header.issuer()).find())) {
            Matcher m = ISSUER_DOC_NUMBER_PREFIX.matcher(header.docNumber());
            if (m.find()) {
                String code = provinceByAbbreviation.get(m.group(1).charAt(0));
                if (code != null) return gazetteer.byCode(code);
            }
        }
        return Optional.empty();
    }

    /** The most specific division a name starts with: 北京市朝阳区人民政府 → 朝阳区 in 北京市. */
    private Optional<Division> leadingDivision(String name) {
        Division found = null;
        int position = 0;
        while (position < name.length()) {
            String rest = name.substring(position);
            List<RegionGazetteer.Mention> mentions = gazetteer.findAll(rest, found != null ? found.code() : null);
            if (mentions.isEmpty() || mentions.get(0).start() != 0) break;
            Division d = mentions.get(0).division();
            if (found != null && d.code() != null && !gazetteer.contains(found.code(), d.code())) break;
            found = d;
            position += mentions.get(0).end();
        }
        return Optional.ofNullable(found);
    }

    private static Level documentLevel(DocumentLayout.Header header, Division issuerRegion) {
        if (issuerRegion != null) {
            return issuerRegion.level();
        }
        String issuer = Objects.requireNonNullElse(header.issuer(), "");
        if (NATIONAL_ISSUER.matcher(issuer).find() || CENTRAL_BODY.matcher(issuer).matches()) {
            return Level.NATIONAL;
        }
        Matcher word = LEVEL_WORD.matcher(Objects.requireNonNullElse(header.title(), ""));
        if (word.find()) {
            return LevelWords.levelOf(word.group(1)).orElseThrow();
        }
        return null;
    }

    private static Map<Character, String> loadAbbreviations() {
        Map<Character, String> byAbbreviation = new HashMap<>();
        for (String[] row : ReferenceTables.read(PROVINCE_ABBREVIATIONS, 2)) {
            for (String abbreviation : row[1].split("\\s+")) {
                byAbbreviation.put(abbreviation.charAt(0), row[0]);
            }
        }
        return byAbbreviation;
    }
}
