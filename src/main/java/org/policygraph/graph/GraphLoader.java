package org.policygraph.graph;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Value;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.DepartmentFunctions;
import org.policygraph.ingest.DocumentNumbers;
import org.policygraph.ingest.DocumentPreparer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes one {@link Extraction} (or a batch of them, {@link #loadBatch}) to the graph in ONE write
 * transaction: the document's previous subgraph (sections, tasks, pilots, indicators and their
 * relationships) is deleted, then rebuilt with a few UNWIND statements. Shared nodes (Region,
 * Department, Programme, Institution, cited Documents) are MERGEd on their keys, so loading the same
 * extraction again changes no count, and a failure anywhere rolls the whole document back.
 *
 * <p>The model written here is the contract for the query layers; see cypher/schema.cypher and the
 * class comments of the statements below.
 */
@Component
public class GraphLoader {

    /** A reference verb the extractor may leave in front of a bare number: 依据甘政办发〔2021〕70号. */
    private static final Pattern LEADING_REFERENCE_VERB = Pattern.compile("^(?:贯彻落实|依据|根据|按照|依照|参照|落实|贯彻|执行)");
    private static final Pattern BOOK_TITLE = Pattern.compile("《([^《》]+)》");
    static final String NATIONAL = "CN";
    private static final Logger log = LoggerFactory.getLogger(GraphLoader.class);

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

    /**
     * How one document of {@link #loadBatch} went: {@code loaded} when it is in the graph, else the
     * {@code failure} that made it fail on its own (nothing of it was written).
     */
    public record BatchItem(Extraction extraction, Loaded loaded, RuntimeException failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private static final String EXISTING_DOCUMENTS = """
            UNWIND $rows AS row
            OPTIONAL MATCH (byKey:Document {key: row.key}) WHERE byKey.stub = false
            OPTIONAL MATCH (byHash:Document {contentHash: row.hash}) WHERE byHash.stub = false
            RETURN row.i AS i, head(collect(coalesce(byKey.key, byHash.key))) AS key
            """;

    private static final String ANY_DOCUMENT = "MATCH (d:Document) WHERE d.stub = false RETURN count(d) > 0 AS any";

    /** Per position: the key of a loaded (non-stub) document with that key or content hash, else null. */
    public String[] existingDocuments(String[] keys, String[] hashes) {
        String[] existing = new String[keys.length];
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null || hashes[i] != null) {
                Map<String, Object> row = new HashMap<>();
                row.put("i", i);
                row.put("key", keys[i] == null ? "" : keys[i]);
                row.put("hash", hashes[i] == null ? "" : hashes[i]);
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return existing;
        }
        for (Value r : sessions.read(EXISTING_DOCUMENTS, Map.of("rows", rows))) {
            if (!r.get("key").isNull()) {
                existing[r.get("i").asInt()] = r.get("key").asString();
            }
        }
        return existing;
    }

    /** Whether the graph holds any document that is not a citation stub. */
    public boolean hasDocuments() {
        return sessions.read(ANY_DOCUMENT, Map.of()).get(0).get("any").asBoolean();
    }

    /**
     * Where a loaded document comes from, kept with it: the canonical text its spans point into (in a
     * {@code DocumentText} node, so that reading a document's properties does not read its text), the
     * version of the extractor and a hash of the extraction it produced, and when it was loaded.
     */
    public record Source(String text, String extractorVersion, String extractionHash) {}

    /** What is loaded so far is searchable once this returns ({@link GraphSessions#awaitSearchIndexes}). */
    public void awaitSearchIndexes() {
        sessions.awaitSearchIndexes();
    }

    /**
     * Loads one document in its own write transaction; a failure rolls all of it back and is thrown.
     * Its text is searchable on return.
     */
    public Loaded load(Extraction extraction) {
        Plan plan = plan(extraction);
        sessions.write(tx -> write(tx, List.of(plan)));
        awaitSearchIndexes();
        events.publishEvent(new DocumentsLoaded(List.of(plan.key)));
        return new Loaded(plan.key, plan.rows.sections.size(), plan.rows.tasks.size());
    }

    /**
     * Loads several documents in ONE write transaction, with the rows of all of them in the same
     * UNWIND statements: one commit (transaction-log flush, full-text index refresh) per batch instead
     * of per document. The graph afterwards is the one loading them one by one in list order gives.
     * If the batch transaction fails, each document is loaded again alone, in its own transaction, so
     * a bad document fails alone and leaves nothing behind while the others load. Never throws for a
     * document; returns one item per extraction, in order. After the commit, publishes one
     * {@link DocumentsLoaded} for the documents loaded. Their text may not be searchable yet
     * ({@link #awaitSearchIndexes}).
     */
    public List<BatchItem> loadBatch(List<Extraction> extractions) {
        return loadBatch(extractions, null);
    }

    /** {@link #loadBatch(List)} keeping each document's {@link Source} (same positions; null: none). */
    public List<BatchItem> loadBatch(List<Extraction> extractions, List<Source> sources) {
        BatchItem[] items = new BatchItem[extractions.size()];
        List<Plan> plans = new ArrayList<>();
        List<Integer> planned = new ArrayList<>();
        for (int i = 0; i < extractions.size(); i++) {
            try {
                plans.add(plan(extractions.get(i), sources == null ? null : sources.get(i)));
                planned.add(i);
            } catch (RuntimeException e) {
                items[i] = new BatchItem(extractions.get(i), null, e);
            }
        }
        List<String> loadedKeys = new ArrayList<>();
        // A document key given twice: the later one replaces the earlier, so the list is cut there.
        int from = 0;
        while (from < plans.size()) {
            Set<String> keys = new HashSet<>();
            int to = from;
            while (to < plans.size() && keys.add(plans.get(to).key)) {
                to++;
            }
            List<Plan> run = plans.subList(from, to);
            boolean committed = false;
            if (run.size() > 1) {
                try {
                    sessions.write(tx -> write(tx, run));
                    committed = true;
                } catch (RuntimeException e) {
                    log.debug("Batch of {} documents failed ({}); loading each alone", run.size(), e.toString());
                }
            }
            for (int p = from; p < to; p++) {
                Plan plan = plans.get(p);
                int index = planned.get(p);
                if (!committed) {
                    try {
                        sessions.write(tx -> write(tx, List.of(plan)));
                    } catch (RuntimeException e) {
                        items[index] = new BatchItem(extractions.get(index), null, e);
                        continue;
                    }
                }
                items[index] = new BatchItem(extractions.get(index),
                        new Loaded(plan.key, plan.rows.sections.size(), plan.rows.tasks.size()), null);
                loadedKeys.add(plan.key);
            }
            from = to;
        }
        if (!loadedKeys.isEmpty()) {
            events.publishEvent(new DocumentsLoaded(loadedKeys));
        }
        return Arrays.asList(items);
    }

    /**
     * The statements of a load, in order, every one in the same transaction; the rows of all the
     * documents go into the same statements. The documents' keys must be distinct.
     */
    void write(GraphSessions.Statements tx, List<Plan> plans) {
        List<String> keys = new ArrayList<>();
        List<Map<String, Object>> documents = new ArrayList<>();
        List<Map<String, Object>> titleStubs = new ArrayList<>();
        List<Map<String, Object>> texts = new ArrayList<>();
        Rows rows = new Rows();
        for (Plan plan : plans) {
            keys.add(plan.key);
            documents.add(plan.document);
            if (plan.text != null) {
                texts.add(Map.of("key", plan.key, "text", plan.text));
            }
            if (plan.titleStubKey != null) {
                titleStubs.add(Map.of("key", plan.key, "stub", plan.titleStubKey));
            }
            rows.add(plan.rows);
        }
        long tick = CorpusClock.tick(tx);
        List<String> citedStubs = tx.run(CITED_STUBS, Map.of("keys", keys)).get(0).get("stubs")
                .asList(v -> v.asString());
        tx.run(DELETE_OWNED, Map.of("keys", keys));
        if (!citedStubs.isEmpty()) {
            tx.run(DELETE_ORPHAN_STUBS, Map.of("stubs", citedStubs));
        }
        tx.run(MERGE_DOCUMENTS, Map.of("documents", documents, "tick", tick));
        run(tx, SET_TEXTS, texts);
        run(tx, REDIRECT_TITLE_STUBS, titleStubs);
        run(tx, CREATE_SECTIONS, rows.sections);
        run(tx, MERGE_DEPARTMENTS, rows.departments());
        run(tx, MERGE_MENTIONED_REGIONS, rows.mentionedRegions());
        run(tx, CREATE_TASKS, rows.tasks);
        run(tx, CREATE_PILOTS, rows.pilots);
        run(tx, REGION_SITES, rows.regionSites);
        run(tx, INSTITUTION_SITES, rows.institutionSites);
        run(tx, PILOTS_SITED_IN, rows.sitedPilots);
        run(tx, CREATE_DOCUMENT_INDICATORS, rows.documentIndicators);
        run(tx, CITE_DOCUMENTS, rows.citations);
    }

    /** The rows of the statements: of one plan, or of several concatenated in plan order. */
    static final class Rows {
        final List<Map<String, Object>> sections = new ArrayList<>();
        final List<Map<String, Object>> tasks = new ArrayList<>();
        final List<Map<String, Object>> assignments = new ArrayList<>();
        final List<Map<String, Object>> pilots = new ArrayList<>();
        final List<Map<String, Object>> regionSites = new ArrayList<>();
        final List<Map<String, Object>> institutionSites = new ArrayList<>();
        /** Keys of the pilots with a level and a site. */
        final List<String> sitedPilots = new ArrayList<>();
        /** Indicators of the documents themselves (a task's are in its row). */
        final List<Map<String, Object>> documentIndicators = new ArrayList<>();
        final List<Map<String, Object>> citations = new ArrayList<>();

        /**
         * One row per region the tasks mention, with the name of its first mention (the name a region
         * created by the first mention gets).
         */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mentionedRegions() {
            Map<Object, Map<String, Object>> first = new java.util.LinkedHashMap<>();
            for (Map<String, Object> task : tasks) {
                for (Map<String, Object> mention : (List<Map<String, Object>>) task.get("mentions")) {
                    first.putIfAbsent(mention.get("code"), Map.of("code", mention.get("code"), "name", mention.get("name")));
                }
            }
            return new ArrayList<>(first.values());
        }

        /** One row per department key: its last assignment's. */
        List<Map<String, Object>> departments() {
            Map<Object, Map<String, Object>> last = new java.util.LinkedHashMap<>();
            for (Map<String, Object> a : assignments) {
                last.put(a.get("departmentKey"), a);
            }
            return new ArrayList<>(last.values());
        }

        void add(Rows other) {
            sections.addAll(other.sections);
            tasks.addAll(other.tasks);
            assignments.addAll(other.assignments);
            pilots.addAll(other.pilots);
            regionSites.addAll(other.regionSites);
            institutionSites.addAll(other.institutionSites);
            sitedPilots.addAll(other.sitedPilots);
            documentIndicators.addAll(other.documentIndicators);
            citations.addAll(other.citations);
        }
    }

    private static void run(GraphSessions.Statements tx, String cypher, List<?> rows) {
        if (!rows.isEmpty()) {
            tx.run(cypher, Map.of("rows", rows));
        }
    }

    // --- statements -------------------------------------------------------------------------
    // Every statement takes the rows of one or several documents; each row carries its document's key.

    /** Stubs the documents' current tasks cite: they may be cited by nothing once the tasks are deleted. */
    static final String CITED_STUBS = """
            UNWIND $keys AS key
            MATCH (:Document {key: key})-[:HAS_TASK]->(:Task)-[:CITES]->(s)
            WHERE s.stub = true
            RETURN collect(DISTINCT s.key) AS stubs
            """;

    /** Removes what the documents own and their ISSUED_IN; the Document nodes stay (others may cite them). */
    static final String DELETE_OWNED = """
            UNWIND $keys AS key
            MATCH (d:Document {key: key})
            OPTIONAL MATCH (d)-[i:ISSUED_IN]->()
            DELETE i
            WITH DISTINCT d
            OPTIONAL MATCH (d)-[:HAS_TASK|HAS_SECTION|SETS]->(owned)
            WHERE owned:Task OR owned:Section OR owned:Indicator
            OPTIONAL MATCH (owned)-[:DESIGNATES|SETS]->(child)
            WHERE child:Pilot OR child:Indicator
            WITH d, collect(DISTINCT owned) + collect(DISTINCT child) AS doomed
            FOREACH (n IN doomed | DETACH DELETE n)
            """;

    /**
     * Stub documents that nothing cites any more (after the delete above) go too. Only the stubs the
     * deleted tasks cited can have become orphans, so only those are looked at (by key, indexed),
     * not every Document.
     */
    static final String DELETE_ORPHAN_STUBS = """
            UNWIND $stubs AS key
            MATCH (s:Document {key: key})
            WHERE s.stub = true AND NOT (s)<-[:CITES]-()
            DETACH DELETE s
            """;

    /**
     * Creates each document or fills in its stub, stamped with the load's tick ({@link CorpusClock});
     * links it to the region it was issued in.
     */
    static final String MERGE_DOCUMENTS = """
            UNWIND $documents AS doc
            MERGE (d:Document {key: doc.key})
            SET d += doc.props, d.stub = false, d.tick = $tick
            FOREACH (code IN CASE WHEN doc.regionCode IS NULL THEN [] ELSE [doc.regionCode] END |
              MERGE (r:Region {code: code})
              ON CREATE SET r.name = doc.regionName
              MERGE (d)-[:ISSUED_IN]->(r))
            """;

    /** The canonical text of each document, in the one DocumentText node it has. */
    static final String SET_TEXTS = """
            UNWIND $rows AS row
            MATCH (d:Document {key: row.key})
            MERGE (d)-[:HAS_TEXT]->(x:DocumentText)
            SET x.text = row.text
            """;

    /** A stub made from a citation by title becomes this document: its CITES move here. */
    static final String REDIRECT_TITLE_STUBS = """
            UNWIND $rows AS row
            MATCH (s:Document {key: row.stub, stub: true}), (d:Document {key: row.key})
            WHERE s <> d
            CALL (s, d) {
              OPTIONAL MATCH (t:Task)-[c:CITES]->(s)
              FOREACH (x IN CASE WHEN c IS NULL THEN [] ELSE [c] END |
                CREATE (t)-[n:CITES]->(d) SET n = properties(x))
            }
            DETACH DELETE s
            """;

    static final String CREATE_SECTIONS = """
            UNWIND $rows AS s
            MATCH (d:Document {key: s.docKey})
            CREATE (d)-[:HAS_SECTION]->(:Section {key: s.props.key, ordinal: s.props.ordinal, label: s.props.label,
              title: s.props.title, start: s.props.start, end: s.props.end})
            """;

    /** A new Indicator node with the properties of the indicator row {@code i} ({@link #indicatorRows}). */
    private static final String INDICATOR_OF_ROW = """
            (:Indicator {key: i.props.key, text: i.props.text, value: i.props.value, unit: i.props.unit,
              comparator: i.props.comparator, deadline: i.props.deadline, subject: i.props.subject,
              start: i.props.start, end: i.props.end})
            """;

    /**
     * Each task with its section, its assignments (the departments are merged before), its mentions (the
     * regions are merged before, {@link #MERGE_MENTIONED_REGIONS}) and its indicators. They are written from
     * the task's own row, with the node just created: as statements of their own, each assignment and
     * mention looked its task up by key again, and those seeks in an index of millions of long keys were a
     * third of the loading thread's statements at 100,000 documents. Properties are named one by one, not
     * set from a map: {@code SET n = row.props} may write any property, so Neo4j held every row of the
     * batch (an Eager operator) before the seeks that follow.
     */
    static final String CREATE_TASKS = """
            UNWIND $rows AS t
            MATCH (d:Document {key: t.props.docKey})
            CREATE (d)-[:HAS_TASK]->(n:Task {key: t.props.key, ordinal: t.props.ordinal, label: t.props.label,
              title: t.props.title, text: t.props.text, source: t.props.source, start: t.props.start,
              end: t.props.end, truncated: t.props.truncated, docKey: t.props.docKey, year: t.props.year,
              docLevel: t.props.docLevel})
            WITH n, t
            CALL (n, t) {
              OPTIONAL MATCH (s:Section {key: t.sectionKey})
              FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | CREATE (x)-[:HAS_TASK]->(n))
            }
            CALL (n, t) {
              UNWIND t.assignments AS a
              MATCH (dep:Department {key: a.departmentKey})
              CREATE (n)-[:ASSIGNED_TO {role: a.rel.role, position: a.rel.position, docKey: a.rel.docKey,
                start: a.rel.start, end: a.rel.end}]->(dep)
            }
            CALL (n, t) {
              UNWIND t.mentions AS m
              MATCH (r:Region {code: m.code})
              CREATE (n)-[:MENTIONS {docKey: m.rel.docKey, start: m.rel.start, end: m.rel.end}]->(r)
            }
            CALL (n, t) {
              UNWIND t.indicators AS i
              CREATE (n)-[:SETS]->""" + INDICATOR_OF_ROW + """
            }
            """;

    /** The regions the tasks mention, before the tasks: created with the name of their first mention when new. */
    static final String MERGE_MENTIONED_REGIONS = """
            UNWIND $rows AS m
            MERGE (r:Region {code: m.code})
            ON CREATE SET r.name = m.name
            """;

    /**
     * The departments of the assignments, once per key (the values of its last assignment, as loading
     * one assignment after the other would leave them), with the region they belong to.
     */
    static final String MERGE_DEPARTMENTS = """
            UNWIND $rows AS a
            MERGE (dep:Department {key: a.departmentKey})
            SET dep.name = a.name, dep.level = a.level, dep.regionCode = a.regionCode, dep.function = a.function
            WITH dep, a
            CALL (dep, a) {
              MATCH (region:Region {code: a.regionCode})
              MERGE (dep)-[:OF_REGION]->(region)
            }
            """;

    static final String CREATE_PILOTS = """
            UNWIND $rows AS p
            MATCH (t:Task {key: p.taskKey})
            CREATE (t)-[:DESIGNATES]->(n:Pilot {key: p.props.key, programme: p.props.programme, level: p.props.level,
              levelBasis: p.props.levelBasis, declaredCount: p.props.declaredCount, start: p.props.start,
              end: p.props.end})
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

    /**
     * A pilot with a level to every region its sites lie in: a region site's own region and an
     * institution's, and every region above them. The relationship carries the region's code and the
     * pilot's level, which the index pilot_sited_in holds together: "the provincial pilots in 白银市" is
     * then one index seek returning those pilots, where the walk down the regions and their sites visits
     * every pilot of every level there (46,000 in 白银市 at 100,000 documents, 127 of them provincial).
     */
    static final String PILOTS_SITED_IN = """
            UNWIND $rows AS key
            MATCH (p:Pilot {key: key})
            """ + GraphBootstrap.SITED_IN_OF_PILOT;

    /** Indicators the documents set outside their tasks (a task's are written with it). */
    static final String CREATE_DOCUMENT_INDICATORS = """
            UNWIND $rows AS i
            MATCH (d:Document {key: i.ownerKey})
            CREATE (d)-[:SETS]->""" + INDICATOR_OF_ROW;

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
            SET r.docKey = c.docKey, r.text = c.text
            """;

    // --- planning: Extraction -> statement parameters --------------------------------------------

    /** Parameters of every statement, computed before the transaction opens. */
    static final class Plan {
        String key;
        Map<String, Object> document;
        String titleStubKey;
        String text;
        final Rows rows = new Rows();
    }

    static Plan plan(Extraction extraction) {
        return plan(extraction, null);
    }

    static Plan plan(Extraction extraction, Source source) {
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
        props.put("format", doc.format());
        props.put("title", doc.title());
        props.put("issuer", doc.issuer());
        props.put("issueDate", doc.issueDate());
        props.put("year", doc.year());
        props.put("level", level);
        props.put("regionCode", regionCode);
        props.put("sourceName", doc.sourceName());
        props.put("contentHash", doc.contentHash());
        // Linking is the stage after loading; until it has run, the graph says so (see LinkStore#pending).
        props.put("linkPending", true);
        if (source != null) {
            props.put("extractorVersion", source.extractorVersion());
            props.put("extractionHash", source.extractionHash());
            props.put("loadedAt", Instant.now().toString());
            plan.text = source.text();
        }
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
            plan.rows.sections.add(Map.of("docKey", plan.key, "props", s));
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
            List<Map<String, Object>> assignments = new ArrayList<>();
            List<Map<String, Object>> mentions = new ArrayList<>();
            row.put("assignments", assignments);
            row.put("mentions", mentions);
            plan.rows.tasks.add(row);

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
                plan.rows.assignments.add(a);
                assignments.add(Map.of("departmentKey", a.get("departmentKey"), "rel", rel));
            }

            for (Extraction.RegionRef region : list(task.regions())) {
                if (region == null || blankToNull(region.code()) == null) {
                    continue;
                }
                Map<String, Object> rel = new HashMap<>();
                rel.put("docKey", plan.key);
                putSpan(rel, mentionSpan(task, region.name()));
                mentions.add(Map.of("code", region.code(), "name", String.valueOf(region.name()), "rel", rel));
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
                plan.rows.pilots.add(Map.of("taskKey", taskKey, "props", pp));
                if (pilot.level() != null && !list(pilot.sites()).isEmpty()) {
                    plan.rows.sitedPilots.add(pilotKey);
                }
                for (Extraction.PilotSite site : list(pilot.sites())) {
                    if (site == null || site.kind() == null) {
                        continue;
                    }
                    if (site.kind() == Extraction.SiteKind.REGION) {
                        if (blankToNull(site.code()) != null) {
                            plan.rows.regionSites.add(Map.of("pilotKey", pilotKey, "code", site.code(),
                                    "name", String.valueOf(site.name())));
                        }
                    } else if (site.name() != null && !site.name().isBlank()) {
                        String siteRegion = blankToNull(site.regionCode());
                        Map<String, Object> s = new HashMap<>();
                        s.put("pilotKey", pilotKey);
                        s.put("key", (siteRegion == null ? NATIONAL : siteRegion) + "|" + site.name());
                        s.put("name", site.name());
                        s.put("regionCode", siteRegion);
                        plan.rows.institutionSites.add(s);
                    }
                }
            }

            row.put("indicators", indicatorRows(taskKey, task.indicators()));

            for (String citation : list(task.citations())) {
                if (citation == null || citation.isBlank()) {
                    continue;
                }
                Map<String, Object> c = citation(taskKey, citation);
                c.put("docKey", plan.key);
                plan.rows.citations.add(c);
            }
        }
        plan.rows.documentIndicators.addAll(indicatorRows(plan.key, doc.indicators()));
        props.put("taskCount", plan.rows.tasks.size());
        // What tells the linkers that a reloaded document's task texts changed (LinkStore's fingerprint).
        props.put("termsDigest", termsDigest(extraction.tasks()));
        return plan;
    }

    /** The indicators' rows, keyed under their owner (a task or the document). */
    private static List<Map<String, Object>> indicatorRows(String ownerKey, List<Extraction.Indicator> indicators) {
        List<Map<String, Object>> rows = new ArrayList<>();
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
            rows.add(Map.of("ownerKey", ownerKey, "props", props));
        }
        return rows;
    }

    /**
     * A digest of what the aligner's term index reads of a document's tasks (their numbers, titles and
     * texts): a document extracted again with the same tasks keeps its terms, and is not segmented again.
     */
    static String termsDigest(List<Extraction.Task> tasks) {
        StringBuilder read = new StringBuilder();
        for (Extraction.Task task : list(tasks)) {
            read.append(task.ordinal()).append('\u0001').append(Objects.toString(task.title(), ""))
                    .append('\u0001').append(Objects.toString(task.text(), "")).append('\u0002');
        }
        return DocumentPreparer.sha256(read.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key, number and title a citation string stands for. */
    static Map<String, Object> citation(String taskKey, String citation) {
        String text = citation.strip();
        Matcher title = BOOK_TITLE.matcher(text);
        String titleText = title.find() ? title.group(1).strip() : null;
        Matcher number = DocumentNumbers.PRINTED.matcher(text);
        Map<String, Object> c = new HashMap<>();
        c.put("taskKey", taskKey);
        c.put("text", text);
        if (number.find()) {
            String docNumber = LEADING_REFERENCE_VERB.matcher(DocumentNumbers.canonical(number.group())).replaceFirst("");
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
    public static String documentKey(Extraction.Document doc) {
        String number = blankToNull(doc.docNumber());
        if (number != null) {
            return DocumentNumbers.canonical(number);
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
