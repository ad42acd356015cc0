package org.policygraph.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.policygraph.graph.GraphSessions;
import org.springframework.stereotype.Component;

/** Reads of the loaded graph shared by the linkers. */
@Component
class LinkGraph {

    /** A loaded (non-stub) document. Level is an {@code Extraction.Level} name; region and year may be null. */
    record DocumentInfo(String key, String level, String regionCode, Integer year) {}

    private final GraphSessions sessions;

    LinkGraph(GraphSessions sessions) {
        this.sessions = sessions;
    }

    GraphSessions sessions() {
        return sessions;
    }

    List<DocumentInfo> documents() {
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (d:Document) WHERE d.stub = false
                    RETURN d.key AS key, d.level AS level, d.regionCode AS regionCode, d.year AS year
                    ORDER BY key
                    """).list(r -> new DocumentInfo(r.get("key").asString(), string(r.get("level")),
                    string(r.get("regionCode")), r.get("year").isNull() ? null : r.get("year").asInt())));
        }
    }

    /**
     * Per loaded document, what changes when it is reloaded with other content: its content hash and
     * its number of tasks ({@link TermIndex} re-reads a document whose fingerprint changed).
     */
    Map<String, String> taskFingerprints() {
        try (Session session = sessions.session()) {
            Map<String, String> fingerprints = new java.util.HashMap<>();
            session.executeRead(tx -> tx.run("""
                    MATCH (d:Document) WHERE d.stub = false
                    RETURN d.key AS key, coalesce(d.contentHash, '') + '/' + COUNT { (d)-[:HAS_TASK]->(:Task) } AS fingerprint
                    """).list()).forEach(r -> fingerprints.put(r.get("key").asString(), r.get("fingerprint").asString()));
            return fingerprints;
        }
    }

    /** Tasks of the given documents, by document then ordinal. */
    List<TaskText> tasks(Collection<String> documentKeys) {
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (d:Document)-[:HAS_TASK]->(t:Task) WHERE d.key IN $keys
                    RETURN t.key AS key, d.key AS docKey, t.ordinal AS ordinal, t.title AS title, t.text AS text,
                           t.start AS start, t.end AS end, t.source AS source
                    ORDER BY docKey, ordinal
                    """, Map.of("keys", List.copyOf(documentKeys))).list(LinkGraph::task));
        }
    }

    private static TaskText task(Record r) {
        String text = string(r.get("text"));
        Integer start = r.get("start").isNull() ? null : r.get("start").asInt();
        Integer end = r.get("end").isNull() ? null : r.get("end").asInt();
        String source = string(r.get("source"));
        boolean verbatim = text != null && start != null && end != null && end - start == text.length();
        return new TaskText(r.get("key").asString(), r.get("docKey").asString(), r.get("ordinal").asInt(),
                string(r.get("title")), text, verbatim || source != null ? start : null, source);
    }

    static String string(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    static List<String> keys(Collection<DocumentInfo> documents) {
        List<String> keys = new ArrayList<>();
        documents.forEach(d -> keys.add(d.key()));
        return keys;
    }
}
