package org.policygraph.graph;

import static org.policygraph.graph.Values.string;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The loaded documents as a corpus: what is loaded, where each came from, its text, and deleting
 * one. Loading is {@link GraphLoader}'s.
 */
@Component
public class DocumentCatalog {

    /**
     * A loaded document and what it holds.
     *
     * @param contentHash SHA-256 of the original file: the name of its stored original
     * @param extractorVersion version of the extractor that produced it (null: loaded before versions were kept)
     * @param loadedAt when it was last loaded (ISO-8601 instant; null: loaded before times were kept)
     */
    public record Entry(String key, String title, String sourceName, String format, String contentHash,
            String extractorVersion, String extractionHash, String loadedAt, int tasks, int indicators,
            boolean hasText) {}

    /**
     * What deleting a document did.
     *
     * @param found whether a loaded document had the key
     * @param keptAsStub whether other documents cite it, so that it stays as a citation stub
     * @param contentHash the deleted document's original (null when none was recorded)
     * @param lowerDocuments documents whose tasks implemented its tasks: their alignment is to be recomputed
     */
    public record Deletion(boolean found, boolean keptAsStub, String contentHash, List<String> lowerDocuments) {

        static final Deletion NOT_FOUND = new Deletion(false, false, null, List.of());
    }

    private static final String LIST = """
            MATCH (d:Document) WHERE d.stub = false
            RETURN d.key AS key, d.title AS title, d.sourceName AS sourceName, d.format AS format,
                   d.contentHash AS contentHash, d.extractorVersion AS extractorVersion,
                   d.extractionHash AS extractionHash, d.loadedAt AS loadedAt,
                   COUNT { (d)-[:HAS_TASK]->(:Task) } AS tasks,
                   COUNT { (d)-[:HAS_TASK]->(:Task)-[:SETS]->(:Indicator) } + COUNT { (d)-[:SETS]->(:Indicator) } AS indicators,
                   EXISTS { (d)-[:HAS_TEXT]->(:DocumentText) } AS hasText
            ORDER BY key
            """;

    private static final String ENTRY = LIST.replace("WHERE d.stub = false", "WHERE d.key = $key AND d.stub = false");

    private static final String EXTRACTION_HASHES = """
            UNWIND $keys AS key
            MATCH (d:Document {key: key}) WHERE d.stub = false AND d.extractionHash IS NOT NULL
            RETURN d.key AS key, d.extractionHash AS hash
            """;

    private static final String PASSAGE = """
            MATCH (:Document {key: $key})-[:HAS_TEXT]->(x:DocumentText)
            RETURN substring(x.text, $start, $end - $start) AS passage
            """;

    private static final String TEXT = """
            MATCH (:Document {key: $key})-[:HAS_TEXT]->(x:DocumentText)
            RETURN x.text AS text
            """;

    private static final String DOCUMENTS_WITH_ORIGINAL = """
            MATCH (d:Document {contentHash: $hash}) WHERE d.stub = false RETURN count(d) AS n
            """;

    private static final String LOWER_DOCUMENTS = """
            MATCH (:Document {key: $key})-[:HAS_TASK]->(:Task)<-[:IMPLEMENTS]-(:Task)<-[:HAS_TASK]-(lower:Document)
            RETURN collect(DISTINCT lower.key) AS keys
            """;

    /** The shared nodes the document reaches, to be removed below if nothing else uses them. */
    private static final String SHARED = """
            MATCH (d:Document {key: $key})
            OPTIONAL MATCH (d)-[:HAS_TASK]->(:Task)-[:ASSIGNED_TO]->(dep:Department)
            OPTIONAL MATCH (d)-[:HAS_TASK]->(:Task)-[:DESIGNATES]->(:Pilot)-[:OF_PROGRAMME|AT_SITE]->(shared)
            WHERE shared:Programme OR shared:Institution
            RETURN [n IN collect(DISTINCT dep) + collect(DISTINCT shared) | elementId(n)] AS ids
            """;

    private static final String DELETE_TEXT = """
            MATCH (:Document {key: $key})-[:HAS_TEXT]->(x:DocumentText) DETACH DELETE x
            """;

    /** Cited by another document's task: it stays as the stub a citation makes. */
    private static final String TO_STUB_OR_DELETE = """
            MATCH (d:Document {key: $key})
            WITH d, EXISTS { (d)<-[:CITES]-(:Task) } AS cited
            CALL (d, cited) {
              WITH d WHERE cited
              SET d = {key: d.key, title: d.title, docNumber: d.docNumber, stub: true}
            }
            CALL (d, cited) {
              WITH d WHERE NOT cited
              DETACH DELETE d
            }
            RETURN cited
            """;

    /** Departments, programmes and institutions no task or pilot points at any more. */
    private static final String DELETE_UNUSED_SHARED = """
            UNWIND $ids AS id
            MATCH (n) WHERE elementId(n) = id AND NOT EXISTS { (n)<-[:ASSIGNED_TO|OF_PROGRAMME|AT_SITE]-() }
            DETACH DELETE n
            """;

    private final GraphSessions sessions;

    public DocumentCatalog(GraphSessions sessions) {
        this.sessions = sessions;
    }

    /** Every loaded document, by key. */
    public List<Entry> list() {
        return sessions.read(LIST, Map.of()).stream().map(DocumentCatalog::entry).toList();
    }

    public Optional<Entry> find(String key) {
        return sessions.read(ENTRY, Map.of("key", key)).stream().map(DocumentCatalog::entry).findFirst();
    }

    /** The hash of the extraction each of these loaded documents was loaded from, by key (absent: none kept). */
    public Map<String, String> extractionHashes(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, String> hashes = new HashMap<>();
        sessions.read(EXTRACTION_HASHES, Map.of("keys", keys))
                .forEach(r -> hashes.put(r.get("key").asString(), r.get("hash").asString()));
        return hashes;
    }

    /** The canonical text the document's spans point into; empty when it was not kept. */
    public Optional<String> text(String key) {
        return sessions.read(TEXT, Map.of("key", key)).stream().map(r -> r.get("text").asString()).findFirst();
    }

    /**
     * The kept text, or with both {@code start} and {@code end} the passage between them (as
     * {@link #passage}); they must satisfy {@code 0 <= start <= end}, else IllegalArgumentException.
     */
    public Optional<String> text(String key, Integer start, Integer end) {
        if (start == null || end == null) {
            return text(key);
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("start and end must satisfy 0 <= start <= end");
        }
        return passage(key, start, end);
    }

    /** The text of a span of the document ({@code start} inclusive, {@code end} exclusive). */
    public Optional<String> passage(String key, int start, int end) {
        return sessions.read(PASSAGE, Map.of("key", key, "start", start, "end", end)).stream()
                .filter(r -> !r.get("passage").isNull()).map(r -> r.get("passage").asString()).findFirst();
    }

    /** Whether a loaded document still has the original with this content hash. */
    public boolean originalInUse(String contentHash) {
        return sessions.read(DOCUMENTS_WITH_ORIGINAL, Map.of("hash", contentHash)).get(0).get("n").asLong() > 0;
    }

    /**
     * Deletes a loaded document in one transaction: its tasks, sections, pilots, indicators and text;
     * departments, programmes and institutions only it used; the document itself, or — when other
     * documents cite it — everything of it but the stub their citations point to. Citation stubs only
     * it cited go too. Relationships of other documents' tasks to its tasks go with its tasks.
     */
    public Deletion delete(String key) {
        Deletion[] deletion = {Deletion.NOT_FOUND};
        Optional<Entry> entry = find(key);
        if (entry.isEmpty()) {
            return Deletion.NOT_FOUND;
        }
        sessions.write(tx -> {
            CorpusClock.tickRemoving(tx);
            List<String> lower = tx.run(LOWER_DOCUMENTS, Map.of("key", key)).get(0).get("keys").asList(Value::asString);
            List<String> shared = tx.run(SHARED, Map.of("key", key)).get(0).get("ids").asList(Value::asString);
            List<String> citedStubs = tx.run(GraphLoader.CITED_STUBS, Map.of("keys", List.of(key))).get(0)
                    .get("stubs").asList(Value::asString);
            tx.run(GraphLoader.DELETE_OWNED, Map.of("keys", List.of(key)));
            tx.run(DELETE_TEXT, Map.of("key", key));
            boolean cited = tx.run(TO_STUB_OR_DELETE, Map.of("key", key)).get(0).get("cited").asBoolean();
            if (!citedStubs.isEmpty()) {
                tx.run(GraphLoader.DELETE_ORPHAN_STUBS, Map.of("stubs", citedStubs));
            }
            if (!shared.isEmpty()) {
                tx.run(DELETE_UNUSED_SHARED, Map.of("ids", shared));
            }
            deletion[0] = new Deletion(true, cited, entry.get().contentHash(),
                    lower.stream().filter(k -> !k.equals(key)).toList());
        });
        sessions.awaitSearchIndexes();
        return deletion[0];
    }

    private static Entry entry(Value r) {
        return new Entry(r.get("key").asString(), string(r.get("title")), string(r.get("sourceName")),
                string(r.get("format")), string(r.get("contentHash")), string(r.get("extractorVersion")),
                string(r.get("extractionHash")), string(r.get("loadedAt")), r.get("tasks").asInt(),
                r.get("indicators").asInt(), r.get("hasText").asBoolean());
    }
}
