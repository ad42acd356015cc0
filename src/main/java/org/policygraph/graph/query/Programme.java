package org.policygraph.graph.query;

import org.neo4j.driver.Value;

public record Programme(String name) implements KeyedNode {

    /** A programme is identified by its name. */
    @Override
    public String key() {
        return name;
    }

    static Programme of(Value n) {
        return new Programme(Nodes.string(n, "name"));
    }
}
