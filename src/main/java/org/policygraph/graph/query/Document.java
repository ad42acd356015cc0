package org.policygraph.graph.query;

import org.neo4j.driver.Value;

public record Document(String key, String docNumber, String title, String issuer, String issueDate, Integer year,
        String level, boolean stub, String sourceName, String regionCode) {

    static Document of(Value n) {
        return new Document(Nodes.string(n, "key"), Nodes.string(n, "docNumber"), Nodes.string(n, "title"),
                Nodes.string(n, "issuer"), Nodes.string(n, "issueDate"), Nodes.integer(n, "year"),
                Nodes.string(n, "level"), Boolean.TRUE.equals(Nodes.bool(n, "stub")), Nodes.string(n, "sourceName"),
                Nodes.string(n, "regionCode"));
    }
}
