package org.policygraph.graph.query;

import org.neo4j.driver.Value;

public record Pilot(String key, String level, String levelBasis, Integer declaredCount, String programmeName,
        Integer start, Integer end) implements KeyedNode {

    static Pilot of(Value n) {
        return new Pilot(Nodes.string(n, "key"), Nodes.string(n, "level"), Nodes.string(n, "levelBasis"),
                Nodes.integer(n, "declaredCount"), Nodes.string(n, "programme"), Nodes.integer(n, "start"),
                Nodes.integer(n, "end"));
    }
}
