package org.policygraph.graph;

import static org.policygraph.graph.Values.string;
import static org.policygraph.graph.Values.integer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * What the linkers read from the loaded graph and the relationships they write: citations of stubs
 * resolved, HAS_THEME, IMPLEMENTS. Every statement of linking is here; the linkers compute.
 */
@Component
public class LinkStore {

    /** A loaded (non-stub) document. Level is an {@code Extraction.Level} name; region and year may be null. */
    public record DocumentInfo(String key, String level, String regionCode, Integer year) {}

    /** A task as stored: its text, and where it stands in the document's decoded input when known. */
    public record TaskRow(String key, String documentKey, int ordinal, String title, String text, Integer start,
            Integer end, String source) {}

    /** A document a citation names: a stub (not loaded) or a loaded document it may resolve to. */
    public record CitedDocument(String key, String title, String docNumber, boolean loaded) {}

    /** One IMPLEMENTS relationship: a lower-level task implements a higher-level one. */
    public record Implements(String lowerTaskKey, String higherTaskKey, double score, List<String> sharedTerms,
            int rank) {}

    /** A lower document whose IMPLEMENTS into the documents of these levels are computed again. */
    public record RealignedLevels(String lowerDocumentKey, List<String> levels) {}

    /** One HAS_THEME relationship with the terms that triggered it and the span of the first. */
    public record HasTheme(String taskKey, String theme, List<String> terms, Integer start, Integer end) {}

    /** A theme of the vocabulary. */
    public record Theme(String name, String description) {}

    /** An indicator a document sets, itself or through a task. */
    public record IndicatorRow(String key, String subject, String unit, String comparator, double value) {}

    /** A null region stands for national documents (they have none). */
    private static final String DOCUMENTS_OF_ISSUER = """
            MATCH (d:Document) WHERE d.level = $level AND d.year IN $years AND d.stub = false
              AND coalesce(d.regionCode, '') = coalesce($regionCode, '')
            RETURN d.key AS key, d.level AS level, d.regionCode AS regionCode, d.year AS year
            ORDER BY key
            """;

    private static final String DOCUMENTS_BY_KEY = """
            UNWIND $keys AS key
            MATCH (d:Document {key: key}) WHERE d.stub = false
            RETURN d.key AS key, d.level AS level, d.regionCode AS regionCode, d.year AS year
            """;

    private static final String LOWER_DOCUMENTS = """
            UNWIND $keys AS key
            MATCH (:Document {key: key})-[:HAS_TASK]->(:Task)<-[:IMPLEMENTS]-(:Task)<-[:HAS_TASK]-(lower:Document)
            RETURN key, collect(DISTINCT lower.key) AS lower
            """;

    /**
     * How a fingerprint made of the digest of the tasks' numbers, titles and texts begins (documents loaded
     * since it is written; earlier ones have content hash, extraction hash and task count).
     */
    private static final String TERMS_FINGERPRINT = "terms:";

    /**
     * Whether the fingerprint names the texts of the document's tasks, so that a document with the same
     * fingerprint has the same task texts, however it was loaded or extracted.
     */
    public static boolean namesTaskTexts(String fingerprint) {
        return fingerprint != null && fingerprint.startsWith(TERMS_FINGERPRINT);
    }

    /**
     * A document and its fingerprint, read in one pass with the others (the aligner needs both at every
     * batch): the digest of its task texts, or for a document loaded before there was one its content
     * hash, extraction hash and task count (read from a property where there is one: counting every
     * document's tasks would grow with the corpus).
     */
    private static final String KNOWN_DOCUMENT = """
            RETURN d.key AS key, d.level AS level, d.regionCode AS regionCode, d.year AS year,
                   CASE WHEN d.termsDigest IS NOT NULL THEN '%s' + d.termsDigest
                   ELSE coalesce(d.contentHash, '') + '/' + coalesce(d.extractionHash, '') + '/'
                     + CASE WHEN d.taskCount IS NULL THEN COUNT { (d)-[:HAS_TASK]->(:Task) } ELSE d.taskCount END
                   END AS fingerprint,
                   d.linkPending IS NOT NULL AS pending, d.stub AS stub
            """.formatted(TERMS_FINGERPRINT);

    private static final String DOCUMENTS_AND_FINGERPRINTS = "MATCH (d:Document) WHERE d.stub = false\n" + KNOWN_DOCUMENT;

    /** {@link #DOCUMENTS_AND_FINGERPRINTS} of the documents stamped after a tick of the {@link CorpusClock}. */
    private static final String CHANGED_SINCE = "MATCH (d:Document) WHERE d.tick > $since\n" + KNOWN_DOCUMENT;

    private static final String TASKS = """
            MATCH (d:Document)-[:HAS_TASK]->(t:Task) WHERE d.key IN $keys
            RETURN t.key AS key, d.key AS docKey, t.ordinal AS ordinal, t.title AS title, t.text AS text,
                   t.start AS start, t.end AS end, t.source AS source
            ORDER BY docKey, ordinal
            """;

    private static final String DOCUMENTS_TO_CITE = """
            UNWIND $keys AS key
            MATCH (d:Document {key: key}) WHERE d.stub = false
            RETURN d.key AS key, d.title AS title, d.docNumber AS docNumber, true AS loaded
            """;

    private static final String STUBS_CITED_BY = """
            UNWIND $keys AS key
            MATCH (:Document {key: key})-[:HAS_TASK]->(:Task)-[:CITES]->(s:Document) WHERE s.stub = true
            RETURN DISTINCT s.key AS key, s.title AS title, s.docNumber AS docNumber, false AS loaded
            """;

    /** By number through document_doc_number, by title through the text index document_title_text. */
    private static final String STUBS_NAMING = """
            CALL () {
              UNWIND $numbers AS number
              MATCH (s:Document {docNumber: number}) WHERE s.stub = true
              RETURN s
              UNION
              UNWIND $titles AS title
              MATCH (s:Document) WHERE s.title CONTAINS title AND s.stub = true
              RETURN s
            }
            RETURN s.key AS key, s.title AS title, s.docNumber AS docNumber, false AS loaded
            """;

    private static final String DOCUMENTS_NAMED = """
            CALL () {
              UNWIND $numbers AS number
              MATCH (d:Document {docNumber: number}) WHERE d.stub = false
              RETURN d
              UNION
              UNWIND $titles AS title
              MATCH (d:Document {title: title}) WHERE d.stub = false
              RETURN d
            }
            RETURN d.key AS key, d.title AS title, d.docNumber AS docNumber, true AS loaded
            """;

    private static final String STUBS_AND_DOCUMENTS = """
            MATCH (s:Document {stub: true})
            RETURN s.key AS key, s.title AS title, s.docNumber AS docNumber, false AS loaded
            UNION ALL
            MATCH (d:Document {stub: false})
            RETURN d.key AS key, d.title AS title, d.docNumber AS docNumber, true AS loaded
            """;

    private static final String MERGE_STUBS = """
            UNWIND $rows AS row
            MATCH (s:Document {key: row.stub, stub: true}), (d:Document {key: row.document, stub: false})
            CALL (s, d) {
              MATCH (t:Task)-[c:CITES]->(s)
              CREATE (t)-[n:CITES]->(d)
              SET n = properties(c)
            }
            DETACH DELETE s
            """;

    private static final String DELETE_IMPLEMENTS = """
            MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[r:IMPLEMENTS]->()
            USING INDEX d:Document(key)
            WHERE d.key IN $docKeys
            DELETE r
            """;

    /**
     * Each task of the rows is sought once ({@code $tasks}; a row names its two tasks by position there):
     * a batch writes some 13,000 IMPLEMENTS between a few thousand tasks, and seeking both ends of every
     * row in the index of millions of long task keys was half of writing them.
     */
    private static final String CREATE_IMPLEMENTS = """
            UNWIND range(0, size($tasks) - 1) AS i
            OPTIONAL MATCH (t:Task {key: $tasks[i]})
            WITH i, t ORDER BY i
            WITH collect([t]) AS tasks
            UNWIND $rows AS a
            WITH a, tasks[a.lower][0] AS lower, tasks[a.higher][0] AS higher
            WHERE lower IS NOT NULL AND higher IS NOT NULL
            CREATE (lower)-[:IMPLEMENTS {score: a.score, sharedTerms: a.sharedTerms, rank: a.rank}]->(higher)
            """;

    private static final String DELETE_IMPLEMENTS_AT_LEVELS = """
            UNWIND $realigned AS realigned
            MATCH (:Document {key: realigned.lower})-[:HAS_TASK]->(:Task)-[r:IMPLEMENTS]->(:Task)<-[:HAS_TASK]-(h:Document)
            WHERE h.level IN realigned.levels
            DELETE r
            """;

    private static final String DELETE_THEMES = """
            MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[r:HAS_THEME]->(:Theme)
            USING INDEX d:Document(key)
            WHERE d.key IN $docKeys
            DELETE r
            """;

    private static final String MERGE_THEMES = """
            UNWIND $themes AS theme
            MERGE (n:Theme {name: theme.name})
            SET n.description = theme.description
            """;

    /** One row per task with its tags: each task is sought once, not once per theme. */
    private static final String CREATE_THEMES = """
            UNWIND $rows AS row
            MATCH (t:Task {key: row.taskKey})
            UNWIND row.tags AS tag
            MATCH (theme:Theme {name: tag.theme})
            CREATE (t)-[:HAS_THEME {terms: tag.terms, start: tag.start, end: tag.end}]->(theme)
            """;

    private static final String INDICATORS = """
            MATCH (d:Document) WHERE d.key IN $keys
            CALL (d) {
              MATCH (d)-[:SETS]->(i:Indicator) RETURN i
              UNION
              MATCH (d)-[:HAS_TASK]->(:Task)-[:SETS]->(i:Indicator) RETURN i
            }
            RETURN i.key AS key, i.subject AS subject, i.unit AS unit, i.comparator AS comparator, i.value AS value
            ORDER BY key
            """;

    private static final String ALL_PENDING = """
            MATCH (d:Document) WHERE d.linkPending = true AND d.stub = false
            RETURN d.key AS key
            """;

    private static final String MARK_PENDING = """
            UNWIND $keys AS key
            MATCH (d:Document {key: key}) WHERE d.stub = false
            SET d.linkPending = true, d.tick = $tick
            """;

    private static final String MARK_LINKED = """
            UNWIND $keys AS key
            MATCH (d:Document {key: key})
            REMOVE d.linkPending
            SET d.tick = $tick
            """;

    private final GraphSessions sessions;

    public LinkStore(GraphSessions sessions) {
        this.sessions = sessions;
    }

    /** The loaded documents of one region (null: national) and level issued in these years, by key. */
    public List<DocumentInfo> documentsOf(String regionCode, String level, Collection<Integer> years) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("regionCode", regionCode);
        parameters.put("level", level);
        parameters.put("years", List.copyOf(years));
        return sessions.read(DOCUMENTS_OF_ISSUER, parameters).stream().map(LinkStore::document).toList();
    }

    private static DocumentInfo document(Value r) {
        return new DocumentInfo(r.get("key").asString(), string(r.get("level")), string(r.get("regionCode")),
                integer(r.get("year")));
    }

    /** The loaded documents among these keys. */
    public List<DocumentInfo> documents(Collection<String> keys) {
        return sessions.read(DOCUMENTS_BY_KEY, Map.of("keys", List.copyOf(keys))).stream().map(LinkStore::document).toList();
    }

    /** Per document of these keys, the documents whose tasks implement its tasks (absent: none). */
    public Map<String, List<String>> lowerDocuments(Collection<String> keys) {
        Map<String, List<String>> lower = new HashMap<>();
        sessions.read(LOWER_DOCUMENTS, Map.of("keys", List.copyOf(keys)))
                .forEach(r -> lower.put(r.get("key").asString(), r.get("lower").asList(Value::asString)));
        return lower;
    }

    /**
     * The loaded documents, by key, and per document what changes when it is reloaded with other
     * content or another extraction of it (its fingerprint: content hash, extraction hash and number of
     * tasks); {@code pending}: those loaded but not linked yet.
     */
    public record LoadedDocuments(List<DocumentInfo> documents, Map<String, String> fingerprints, Set<String> pending) {}

    /**
     * Every loaded document (by key), its fingerprint, and whether it is pending. Read whole once, then
     * only what changed since the last call ({@link CorpusClock}): linking asks at every batch, and
     * reading every document each time grew with the corpus (a quarter of linking at 100,000).
     */
    public LoadedDocuments loadedDocuments() {
        synchronized (known) {
            // The clock and the documents in one transaction, on the members writes go to: two reads
            // routed to two members of a cluster could see a clock ahead of the documents.
            sessions.write(tx -> {
                CorpusClock.Reading clock = CorpusClock.read(tx);
                if (clock == CorpusClock.Reading.NONE || !clock.id().equals(known.clock.id())
                        || clock.removals() != known.clock.removals() || clock.tick() < known.clock.tick()) {
                    known.documents.clear();
                    known.fingerprints.clear();
                    known.pending.clear();
                    tx.run(DOCUMENTS_AND_FINGERPRINTS, Map.of()).forEach(known::update);
                } else if (clock.tick() > known.clock.tick()) {
                    tx.run(CHANGED_SINCE, Map.of("since", known.clock.tick())).forEach(known::update);
                }
                known.clock = clock;
            });
            return new LoadedDocuments(List.copyOf(known.documents.values()), Map.copyOf(known.fingerprints),
                    Set.copyOf(known.pending));
        }
    }

    /** The loaded documents as of a tick of the clock (guarded by itself). */
    private final KnownDocuments known = new KnownDocuments();

    private static final class KnownDocuments {
        CorpusClock.Reading clock = CorpusClock.Reading.NONE;
        final TreeMap<String, DocumentInfo> documents = new TreeMap<>();
        final Map<String, String> fingerprints = new HashMap<>();
        final Set<String> pending = new HashSet<>();

        void update(Value r) {
            String key = r.get("key").asString();
            if (r.get("stub").asBoolean(false)) {
                documents.remove(key);
                fingerprints.remove(key);
                pending.remove(key);
                return;
            }
            documents.put(key, document(r));
            fingerprints.put(key, r.get("fingerprint").asString());
            if (r.get("pending").asBoolean()) {
                pending.add(key);
            } else {
                pending.remove(key);
            }
        }
    }

    /** Tasks of the given documents, by document then ordinal. */
    public List<TaskRow> tasks(Collection<String> documentKeys) {
        return sessions.read(TASKS, Map.of("keys", List.copyOf(documentKeys))).stream().map(LinkStore::task).toList();
    }

    /** Every citation stub and every loaded document, with the title and number a citation may name. */
    public List<CitedDocument> stubsAndDocuments() {
        return sessions.read(STUBS_AND_DOCUMENTS, Map.of()).stream().map(r -> new CitedDocument(
                r.get("key").asString(), string(r.get("title")), string(r.get("docNumber")),
                r.get("loaded").asBoolean())).toList();
    }

    /** These loaded documents, with the title and number a citation may name. */
    public List<CitedDocument> documentsToCite(Collection<String> keys) {
        return cited(DOCUMENTS_TO_CITE, Map.of("keys", List.copyOf(keys)));
    }

    /** The stubs the tasks of these documents cite. */
    public List<CitedDocument> stubsCitedBy(Collection<String> documentKeys) {
        return cited(STUBS_CITED_BY, Map.of("keys", List.copyOf(documentKeys)));
    }

    /** The stubs with one of these numbers, or whose title contains one of these titles. */
    public List<CitedDocument> stubsNaming(Collection<String> numbers, Collection<String> titles) {
        return cited(STUBS_NAMING, Map.of("numbers", List.copyOf(numbers), "titles", List.copyOf(titles)));
    }

    /** The loaded documents with one of these numbers or titles. */
    public List<CitedDocument> documentsNamed(Collection<String> numbers, Collection<String> titles) {
        return cited(DOCUMENTS_NAMED, Map.of("numbers", List.copyOf(numbers), "titles", List.copyOf(titles)));
    }

    private List<CitedDocument> cited(String cypher, Map<String, Object> parameters) {
        return sessions.read(cypher, parameters).stream().map(r -> new CitedDocument(r.get("key").asString(),
                string(r.get("title")), string(r.get("docNumber")), r.get("loaded").asBoolean())).toList();
    }

    /** Merges each stub (key) into the loaded document (value): its citations move there, the stub goes. */
    public void mergeStubs(Map<String, String> documentByStub) {
        if (documentByStub.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = documentByStub.entrySet().stream()
                .map(e -> Map.<String, Object>of("stub", e.getKey(), "document", e.getValue())).toList();
        sessions.write(tx -> tx.run(MERGE_STUBS, Map.of("rows", rows)));
    }

    /** Replaces the IMPLEMENTS of the tasks of these documents with {@code alignments}, in one transaction. */
    public void replaceImplements(List<String> lowerDocumentKeys, List<Implements> alignments) {
        Map<String, Object> create = implementsParameters(alignments);
        sessions.write(tx -> {
            tx.run(DELETE_IMPLEMENTS, Map.of("docKeys", lowerDocumentKeys));
            if (!alignments.isEmpty()) {
                tx.run(CREATE_IMPLEMENTS, create);
            }
        });
    }

    /**
     * Replaces the IMPLEMENTS of lower documents into the documents of some levels (a document arrived
     * at that level among their targets) with {@code alignments}, in one transaction; their IMPLEMENTS
     * into other levels stay.
     */
    public void replaceImplementsAtLevels(List<RealignedLevels> realigned, List<Implements> alignments) {
        List<Map<String, Object>> realignedRows = realigned.stream().map(r -> Map.<String, Object>of(
                "lower", r.lowerDocumentKey(), "levels", r.levels())).toList();
        Map<String, Object> create = implementsParameters(alignments);
        sessions.write(tx -> {
            tx.run(DELETE_IMPLEMENTS_AT_LEVELS, Map.of("realigned", realignedRows));
            if (!alignments.isEmpty()) {
                tx.run(CREATE_IMPLEMENTS, create);
            }
        });
    }

    /** The parameters of {@link #CREATE_IMPLEMENTS}: the distinct tasks, and rows naming theirs by position. */
    private static Map<String, Object> implementsParameters(List<Implements> alignments) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>(alignments.size());
        for (Implements a : alignments) {
            int lower = positions.computeIfAbsent(a.lowerTaskKey(), key -> positions.size());
            int higher = positions.computeIfAbsent(a.higherTaskKey(), key -> positions.size());
            rows.add(Map.of("lower", lower, "higher", higher, "score", a.score(), "sharedTerms", a.sharedTerms(),
                    "rank", a.rank()));
        }
        return Map.of("tasks", List.copyOf(positions.keySet()), "rows", rows);
    }

    /** Replaces the HAS_THEME of the tasks of these documents with {@code tags}, in one transaction. */
    public void replaceThemes(List<String> documentKeys, List<Theme> themes, List<HasTheme> tags) {
        List<Map<String, Object>> themeRows = themes.stream()
                .map(t -> Map.<String, Object>of("name", t.name(), "description", t.description())).toList();
        Map<String, List<Map<String, Object>>> tagsByTask = new LinkedHashMap<>();
        for (HasTheme tag : tags) {
            Map<String, Object> row = new HashMap<>();
            row.put("theme", tag.theme());
            row.put("terms", tag.terms());
            row.put("start", tag.start());
            row.put("end", tag.end());
            tagsByTask.computeIfAbsent(tag.taskKey(), key -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        tagsByTask.forEach((taskKey, ofTask) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("taskKey", taskKey);
            row.put("tags", ofTask);
            rows.add(row);
        });
        sessions.write(tx -> {
            tx.run(DELETE_THEMES, Map.of("docKeys", documentKeys));
            tx.run(MERGE_THEMES, Map.of("themes", themeRows));
            if (!rows.isEmpty()) {
                tx.run(CREATE_THEMES, Map.of("rows", rows));
            }
        });
    }

    /** The indicators these documents set, themselves or through their tasks, by key. */
    public List<IndicatorRow> indicators(List<String> documentKeys) {
        return sessions.read(INDICATORS, Map.of("keys", documentKeys)).stream().map(r -> new IndicatorRow(
                r.get("key").asString(), string(r.get("subject")), string(r.get("unit")),
                string(r.get("comparator")), r.get("value").asDouble())).toList();
    }

    /**
     * Every loaded document not linked yet: those of batches whose linking is still to come, or was
     * cut short. Few while documents are linked as they are loaded; every document after a crash.
     */
    public Set<String> allPending() {
        Set<String> keys = new HashSet<>();
        sessions.read(ALL_PENDING, Map.of()).forEach(r -> keys.add(r.get("key").asString()));
        return keys;
    }

    /** Records that these documents are to be linked (again). */
    public void markPending(Collection<String> documentKeys) {
        if (!documentKeys.isEmpty()) {
            sessions.write(tx -> tx.run(MARK_PENDING, Map.of("keys", List.copyOf(documentKeys), "tick", CorpusClock.tick(tx))));
        }
    }

    /** Records that these documents are linked. */
    public void markLinked(List<String> documentKeys) {
        if (!documentKeys.isEmpty()) {
            sessions.write(tx -> tx.run(MARK_LINKED, Map.of("keys", documentKeys, "tick", CorpusClock.tick(tx))));
        }
    }

    private static TaskRow task(Value r) {
        return new TaskRow(r.get("key").asString(), r.get("docKey").asString(), r.get("ordinal").asInt(),
                string(r.get("title")), string(r.get("text")), integer(r.get("start")), integer(r.get("end")),
                string(r.get("source")));
    }
}
