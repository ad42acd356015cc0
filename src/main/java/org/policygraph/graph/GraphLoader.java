package org.policygraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.policygraph.extract.Extraction;
import org.policygraph.link.DepartmentFunctions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes one {@link Extraction} to the graph in ONE write transaction: the document's previous
 * subgraph (sections, tasks, pilots, indicators and their relationships) is deleted, then rebuilt
 * with a few UNWIND statements. Shared nodes (Region, Department, Programme, Institution, cited
 * Documents) are MERGEd on their keys, so loading the same extraction again changes no count, and a
 * failure anywhere rolls the whole document back.
 *
 * <p>The model written here is the contract for the query layers; see cypher/schema.cypher and the
 * class comments of the statements below.
 */
@Component
public class GraphLoader {

    /** A doc number such as 国办发〔2021〕18号 inside a citation. */
    static final Pattern DOC_NUMBER = Pattern.compile("[^\\s《》（）()，,、：:；;]*〔\\s*\\d{4}\\s*〕\\s*\\d+\\s*号");
    /** A reference verb the extractor may leave in front of a bare number: 依据甘政办发〔2021〕70号. */
    private static final Pattern LEADING_REFERENCE_VERB = Pattern.compile("^(?:贯彻落实|依据|根据|按照|依照|参照|落实|贯彻|执行)");
    private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》]+)》");
    static final String NATIONAL = "CN";

    private final GraphSessions sessions;
    private final ApplicationEventPublisher events;

    /** Depends on {@link GraphBootstrap} so that the schema and the regions are in place first. */
    public GraphLoader(GraphSessions sessions, GraphBootstrap bootstrap, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.events = events;
    }

    /** The sessions this loader writes with (the configured database). */
    public GraphSessions sessions() {
        return sessions;
    }

    /** What one load wrote. */
    public record Loaded(String documentKey, int sections, int tasks) {}

    public Loaded load(Extraction extraction) {
        Plan plan = plan(extraction);
        try (Session session = sessions.session()) {
            session.executeWriteWithoutResult(tx -> write(tx, plan));
        }
        events.publishEvent(new DocumentLoaded(plan.key));
        return new Loaded(plan.key, plan.sections.size(), plan.tasks.size());
    }

    /** The statements of one load, in order; every one runs in the same transaction. */
    void write(TransactionContext tx, Plan plan) {
        Map<String, Object> key = Map.of("key", plan.key);
        tx.run(DELETE_OWNED, key).consume();
        tx.run(DELETE_ORPHAN_STUBS).consume();
        tx.run(MERGE_DOCUMENT, plan.document).consume();
        if (plan.titleStubKey != null) {
            tx.run(REDIRECT_TITLE_STUB, Map.of("key", plan.key, "stub", plan.titleStubKey)).consume();
        }
        run(tx, CREATE_SECTIONS, plan.key, "sections", plan.sections);
        run(tx, CREATE_TASKS, plan.key, "tasks", plan.tasks);
        run(tx, ASSIGN_DEPARTMENTS, plan.key, "rows", plan.assignments);
        run(tx, MENTION_REGIONS, plan.key, "rows", plan.mentions);
        run(tx, CREATE_PILOTS, plan.key, "rows", plan.pilots);
        run(tx, REGION_SITES, plan.key, "rows", plan.regionSites);
        run(tx, INSTITUTION_SITES, plan.key, "rows", plan.institutionSites);
        run(tx, CREATE_INDICATORS, plan.key, "rows", plan.indicators);
        run(tx, CITE_DOCUMENTS, plan.key, "rows", plan.citations);
    }

    private static void run(TransactionContext tx, String cypher, String key, String name, List<?> rows) {
        if (!rows.isEmpty()) {
            tx.run(cypher, Map.of("key", key, name, rows)).consume();
        }
    }

    // --- statements -------------------------------------------------------------------------

    /** Removes what the document owns and its ISSUED_IN; the Document node itself stays (others may cite it). */
    static final String DELETE_OWNED = """
            MATCH (d:Document {key: $key})
            OPTIONAL MATCH (d)-[i:ISSUED_IN]->()
            DELETE i
            WITH DISTINCT d
            OPTIONAL MATCH (d)-[:HAS_TASK|HAS_SECTION|SETS]->(owned)
            WHERE owned:Task OR owned:Section OR owned:Indicator
            OPTIONAL MATCH (owned)-[:DESIGNATES|SETS]->(child)
            WHERE child:Pilot OR child:Indicator
            WITH collect(DISTINCT owned) + collect(DISTINCT child) AS doomed
            FOREACH (n IN doomed | DETACH DELETE n)
            """;

    /** Stub documents that nothing cites any more (after the delete above) go too. */
    static final String DELETE_ORPHAN_STUBS = """
            MATCH (s:Document {stub: true})
            WHERE NOT (s)<-[:CITES]-()
            DETACH DELETE s
            """;

    /** Creates the document or fills in its stub; links it to the region it was issued in. */
    static final String MERGE_DOCUMENT = """
            MERGE (d:Document {key: $key})
            SET d += $props, d.stub = false
            FOREACH (code IN CASE WHEN $regionCode IS NULL THEN [] ELSE [$regionCode] END |
              MERGE (r:Region {code: code})
              ON CREATE SET r.name = $regionName
              MERGE (d)-[:ISSUED_IN]->(r))
            """;

    /** A stub made from a citation by title becomes this document: its CITES move here. */
    static final String REDIRECT_TITLE_STUB = """
            MATCH (s:Document {key: $stub, stub: true}), (d:Document {key: $key})
            WHERE s <> d
            OPTIONAL MATCH (t:Task)-[c:CITES]->(s)
            FOREACH (x IN CASE WHEN c IS NULL THEN [] ELSE [c] END |
              CREATE (t)-[n:CITES]->(d) SET n = properties(x))
            DETACH DELETE s
            """;

    static final String CREATE_SECTIONS = """
            MATCH (d:Document {key: $key})
            UNWIND $sections AS s
            CREATE (n:Section)
            SET n = s
            CREATE (d)-[:HAS_SECTION]->(n)
            """;

    static final String CREATE_TASKS = """
            MATCH (d:Document {key: $key})
            UNWIND $tasks AS t
            CREATE (n:Task)
            SET n = t.props
            CREATE (d)-[:HAS_TASK]->(n)
            WITH n, t
            OPTIONAL MATCH (s:Section {key: t.sectionKey})
            FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | CREATE (x)-[:HAS_TASK]->(n))
            """;

    static final String ASSIGN_DEPARTMENTS = """
            UNWIND $rows AS a
            MATCH (t:Task {key: a.taskKey})
            MERGE (dep:Department {key: a.departmentKey})
            SET dep.name = a.name, dep.level = a.level, dep.regionCode = a.regionCode, dep.function = a.function
            CREATE (t)-[r:ASSIGNED_TO]->(dep)
            SET r = a.rel
            WITH DISTINCT dep, a.regionCode AS code
            MATCH (region:Region {code: code})
            MERGE (dep)-[:OF_REGION]->(region)
            """;

    static final String MENTION_REGIONS = """
            UNWIND $rows AS m
            MATCH (t:Task {key: m.taskKey})
            MERGE (r:Region {code: m.code})
            ON CREATE SET r.name = m.name
            CREATE (t)-[x:MENTIONS]->(r)
            SET x = m.rel
            """;

    static final String CREATE_PILOTS = """
            UNWIND $rows AS p
            MATCH (t:Task {key: p.taskKey})
            CREATE (n:Pilot)
            SET n = p.props
            CREATE (t)-[:DESIGNATES]->(n)
            FOREACH (name IN CASE WHEN p.props.programme IS NULL THEN [] ELSE [p.props.programme] END |
              MERGE (g:Programme {name: name})
              CREATE (n)-[:OF_PROGRAMME]->(g))
            """;

    static final String REGION_SITES = """
            UNWIND $rows AS s
            MATCH (p:Pilot {key: s.pilotKey})
            MERGE (r:Region {code: s.code})
            ON CREATE SET r.name = s.name
            CREATE (p)-[:AT_SITE]->(r)
            """;

    static final String INSTITUTION_SITES = """
            UNWIND $rows AS s
            MATCH (p:Pilot {key: s.pilotKey})
            MERGE (i:Institution {key: s.key})
            SET i.name = s.name, i.regionCode = s.regionCode
            CREATE (p)-[:AT_SITE]->(i)
            WITH DISTINCT i, s.regionCode AS code
            MATCH (r:Region {code: code})
            MERGE (i)-[:LOCATED_IN]->(r)
            """;

    static final String CREATE_INDICATORS = """
            UNWIND $rows AS i
            OPTIONAL MATCH (t:Task {key: i.ownerKey})
            OPTIONAL MATCH (d:Document {key: i.ownerKey})
            WITH i, coalesce(t, d) AS owner
            CREATE (n:Indicator)
            SET n = i.props
            CREATE (owner)-[:SETS]->(n)
            """;

    /** Cites a loaded document by title when one has that title, else a stub keyed by number or title. */
    static final String CITE_DOCUMENTS = """
            UNWIND $rows AS c
            MATCH (t:Task {key: c.taskKey})
            OPTIONAL MATCH (real:Document {title: c.title, stub: false})
            WHERE c.byTitle
            WITH t, c, head(collect(real)) AS real
            MERGE (d:Document {key: coalesce(real.key, c.key)})
            ON CREATE SET d.stub = true, d.docNumber = c.docNumber, d.title = c.title
            CREATE (t)-[r:CITES]->(d)
            SET r.docKey = $key, r.text = c.text
            """;

    // --- planning: Extraction -> statement parameters --------------------------------------------

    /** Parameters of every statement, computed before the transaction opens. */
    static final class Plan {
        String key;
        Map<String, Object> document;
        String titleStubKey;
        final List<Map<String, Object>> sections = new ArrayList<>();
        final List<Map<String, Object>> tasks = new ArrayList<>();
        final List<Map<String, Object>> assignments = new ArrayList<>();
        final List<Map<String, Object>> mentions = new ArrayList<>();
        final List<Map<String, Object>> pilots = new ArrayList<>();
        final List<Map<String, Object>> regionSites = new ArrayList<>();
        final List<Map<String, Object>> institutionSites = new ArrayList<>();
        final List<Map<String, Object>> indicators = new ArrayList<>();
        final List<Map<String, Object>> citations = new ArrayList<>();
    }

    static Plan plan(Extraction extraction) {
        Extraction.Document doc = extraction.document();
        if (doc == null) {
            throw new IllegalArgumentException("extraction has no document");
        }
        Plan plan = new Plan();
        plan.key = documentKey(doc);
        String regionCode = doc.region() == null ? null : blankToNull(doc.region().code());
        String level = doc.level() == null ? null : doc.level().name();

        Map<String, Object> props = new HashMap<>();
        props.put("docNumber", blankToNull(doc.docNumber()));
        props.put("title", doc.title());
        props.put("issuer", doc.issuer());
        props.put("issueDate", doc.issueDate());
        props.put("year", doc.year());
        props.put("level", level);
        props.put("regionCode", regionCode);
        props.put("sourceName", doc.sourceName());
        props.put("contentHash", doc.contentHash());
        Map<String, Object> document = new HashMap<>();
        document.put("key", plan.key);
        document.put("props", props);
        document.put("regionCode", regionCode);
        document.put("regionName", doc.region() == null ? null : doc.region().name());
        plan.document = document;
        if (doc.title() != null && !doc.title().isBlank()) {
            String titleKey = titleKey(doc.title());
            if (!titleKey.equals(plan.key)) {
                plan.titleStubKey = titleKey;
            }
        }

        Set<Integer> sectionOrdinals = new TreeSet<>();
        for (Extraction.Section section : list(extraction.sections())) {
            sectionOrdinals.add(section.ordinal());
            Map<String, Object> s = new HashMap<>();
            s.put("key", plan.key + "#s" + section.ordinal());
            s.put("ordinal", section.ordinal());
            s.put("label", section.label());
            s.put("title", section.title());
            putSpan(s, section.span());
            plan.sections.add(s);
        }

        String departmentRegion = regionCode != null ? regionCode : NATIONAL;
        for (Extraction.Task task : list(extraction.tasks())) {
            String taskKey = plan.key + "#" + task.ordinal();
            Map<String, Object> t = new HashMap<>();
            t.put("key", taskKey);
            t.put("ordinal", task.ordinal());
            t.put("label", task.label());
            t.put("title", task.title());
            t.put("text", task.text());
            t.put("source", task.source());
            putSpan(t, task.span());
            t.put("truncated", task.truncated());
            t.put("docKey", plan.key);
            t.put("year", doc.year());
            t.put("docLevel", level);
            Map<String, Object> row = new HashMap<>();
            row.put("props", t);
            row.put("sectionKey", sectionOrdinals.contains(task.section()) ? plan.key + "#s" + task.section() : null);
            plan.tasks.add(row);

            int position = 0;
            for (Extraction.DepartmentRole department : list(task.departments())) {
                if (department.name() == null || department.name().isBlank()) {
                    continue;
                }
                position++;
                Map<String, Object> rel = new HashMap<>();
                rel.put("role", department.role() == null ? null : department.role().name());
                rel.put("position", position);
                rel.put("docKey", plan.key);
                putSpan(rel, department.evidence());
                Map<String, Object> a = new HashMap<>();
                a.put("taskKey", taskKey);
                a.put("departmentKey", departmentRegion + "|" + department.name());
                a.put("name", department.name());
                a.put("level", level);
                a.put("regionCode", departmentRegion);
                a.put("function", DepartmentFunctions.standard().functionOf(department.name()));
                a.put("rel", rel);
                plan.assignments.add(a);
            }

            for (Extraction.RegionRef region : list(task.regions())) {
                if (region == null || blankToNull(region.code()) == null) {
                    continue;
                }
                Map<String, Object> rel = new HashMap<>();
                rel.put("docKey", plan.key);
                putSpan(rel, mentionSpan(task, region.name()));
                plan.mentions.add(Map.of("taskKey", taskKey, "code", region.code(),
                        "name", String.valueOf(region.name()), "rel", rel));
            }

            int p = 0;
            for (Extraction.Pilot pilot : list(task.pilots())) {
                p++;
                String pilotKey = taskKey + "#p" + p;
                Map<String, Object> pp = new HashMap<>();
                pp.put("key", pilotKey);
                pp.put("programme", blankToNull(pilot.programme()));
                pp.put("level", pilot.level() == null ? null : pilot.level().name());
                pp.put("levelBasis", pilot.levelBasis() == null ? null : pilot.levelBasis().name());
                pp.put("declaredCount", pilot.declaredCount());
                putSpan(pp, pilot.evidence());
                plan.pilots.add(Map.of("taskKey", taskKey, "props", pp));
                for (Extraction.PilotSite site : list(pilot.sites())) {
                    if (site == null || site.kind() == null) {
                        continue;
                    }
                    if (site.kind() == Extraction.SiteKind.REGION) {
                        if (blankToNull(site.code()) != null) {
                            plan.regionSites.add(Map.of("pilotKey", pilotKey, "code", site.code(),
                                    "name", String.valueOf(site.name())));
                        }
                    } else if (site.name() != null && !site.name().isBlank()) {
                        String siteRegion = blankToNull(site.regionCode());
                        Map<String, Object> s = new HashMap<>();
                        s.put("pilotKey", pilotKey);
                        s.put("key", (siteRegion == null ? NATIONAL : siteRegion) + "|" + site.name());
                        s.put("name", site.name());
                        s.put("regionCode", siteRegion);
                        plan.institutionSites.add(s);
                    }
                }
            }

            addIndicators(plan, taskKey, task.indicators());

            for (String citation : list(task.citations())) {
                if (citation == null || citation.isBlank()) {
                    continue;
                }
                plan.citations.add(citation(taskKey, citation));
            }
        }
        addIndicators(plan, plan.key, doc.indicators());
        return plan;
    }

    private static void addIndicators(Plan plan, String ownerKey, List<Extraction.Indicator> indicators) {
        int i = 0;
        for (Extraction.Indicator indicator : list(indicators)) {
            i++;
            Map<String, Object> props = new HashMap<>();
            props.put("key", ownerKey + "#i" + i);
            props.put("text", indicator.text());
            props.put("value", indicator.value());
            props.put("unit", indicator.unit());
            props.put("comparator", indicator.comparator());
            props.put("deadline", indicator.deadline());
            props.put("subject", indicator.subject());
            putSpan(props, indicator.evidence());
            plan.indicators.add(Map.of("ownerKey", ownerKey, "props", props));
        }
    }

    /** The key, number and title a citation string stands for. */
    static Map<String, Object> citation(String taskKey, String citation) {
        String text = citation.strip();
        Matcher title = BOOK_TITLE.matcher(text);
        String titleText = title.find() ? title.group(1).strip() : null;
        Matcher number = DOC_NUMBER.matcher(text);
        Map<String, Object> c = new HashMap<>();
        c.put("taskKey", taskKey);
        c.put("text", text);
        if (text.contains("〔") && text.contains("号") && number.find()) {
            String docNumber = LEADING_REFERENCE_VERB.matcher(number.group().replaceAll("\\s+", "")).replaceFirst("");
            c.put("key", docNumber);
            c.put("docNumber", docNumber);
            c.put("title", titleText);
            c.put("byTitle", false);
        } else {
            String plain = titleText != null ? titleText : text.replace("《", "").replace("》", "").strip();
            c.put("key", titleKey(plain));
            c.put("docNumber", null);
            c.put("title", plain);
            c.put("byTitle", true);
        }
        return c;
    }

    static String titleKey(String title) {
        return "title:" + title.replace("《", "").replace("》", "").strip();
    }

    /** Doc number if the document has one, else the hash of its content. */
    static String documentKey(Extraction.Document doc) {
        String number = blankToNull(doc.docNumber());
        if (number != null) {
            return number.strip();
        }
        String hash = blankToNull(doc.contentHash());
        if (hash != null) {
            return "sha256:" + hash.strip();
        }
        throw new IllegalArgumentException("document '" + doc.title() + "' has neither a doc number nor a content hash");
    }

    /**
     * Where a region's name first occurs in the task: task text starts at the task's span start,
     * so an occurrence maps to an offset of the input. Null when the text is not the verbatim span.
     */
    static Extraction.Span mentionSpan(Extraction.Task task, String name) {
        if (name == null || name.isEmpty() || task.text() == null || task.span() == null
                || task.text().length() != task.span().length()) {
            return null;
        }
        int at = task.text().indexOf(name);
        return at < 0 ? null : new Extraction.Span(task.span().start() + at, task.span().start() + at + name.length());
    }

    private static void putSpan(Map<String, Object> map, Extraction.Span span) {
        map.put("start", span == null ? null : span.start());
        map.put("end", span == null ? null : span.end());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
