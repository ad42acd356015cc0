package org.policygraph.graph.query;

import org.neo4j.driver.Value;

public record Section(String key, int ordinal, String label, String title) implements KeyedNode {

    static Section of(Value n) {
        return new Section(Nodes.string(n, "key"), n.get("ordinal").asInt(), Nodes.string(n, "label"),
                Nodes.string(n, "title"));
    }
}
