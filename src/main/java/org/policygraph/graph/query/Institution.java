package org.policygraph.graph.query;

import org.neo4j.driver.Value;

public record Institution(String key, String name, String regionCode) implements KeyedNode {

    static Institution of(Value n) {
        return new Institution(Nodes.string(n, "key"), Nodes.string(n, "name"), Nodes.string(n, "regionCode"));
    }
}
