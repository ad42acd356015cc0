package org.policygraph.graph.query;

import org.neo4j.driver.Value;

public record Department(String key, String name, String level, String regionCode) implements KeyedNode {

    static Department of(Value n) {
        return new Department(Nodes.string(n, "key"), Nodes.string(n, "name"), Nodes.string(n, "level"),
                Nodes.string(n, "regionCode"));
    }
}
