package org.policygraph.graph.query;

import org.neo4j.driver.Value;

public record Indicator(String key, String text, Double value, String unit, String comparator, String deadline,
        String subject, Integer start, Integer end) implements KeyedNode {

    static Indicator of(Value n) {
        return new Indicator(Nodes.string(n, "key"), Nodes.string(n, "text"), Nodes.number(n, "value"),
                Nodes.string(n, "unit"), Nodes.string(n, "comparator"), Nodes.string(n, "deadline"),
                Nodes.string(n, "subject"), Nodes.integer(n, "start"), Nodes.integer(n, "end"));
    }
}
