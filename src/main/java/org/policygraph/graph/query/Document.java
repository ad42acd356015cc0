package org.policygraph.graph.query;

import org.neo4j.driver.Value;

/**
 * @param format the format the original was read as (TEXT, HTML, DOCX, DOC, PDF)
 * @param contentHash SHA-256 of the original file
 * @param extractorVersion version of the extractor that produced the document
 * @param loadedAt when it was last loaded (ISO-8601)
 */
public record Document(String key, String docNumber, String title, String issuer, String issueDate, Integer year,
        String level, boolean stub, String sourceName, String regionCode, String format, String contentHash,
        String extractorVersion, String loadedAt) implements KeyedNode {

    static Document of(Value n) {
        return new Document(Nodes.string(n, "key"), Nodes.string(n, "docNumber"), Nodes.string(n, "title"),
                Nodes.string(n, "issuer"), Nodes.string(n, "issueDate"), Nodes.integer(n, "year"),
                Nodes.string(n, "level"), Boolean.TRUE.equals(Nodes.bool(n, "stub")), Nodes.string(n, "sourceName"),
                Nodes.string(n, "regionCode"), Nodes.string(n, "format"), Nodes.string(n, "contentHash"),
                Nodes.string(n, "extractorVersion"), Nodes.string(n, "loadedAt"));
    }
}
