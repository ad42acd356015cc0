package org.policygraph.graph.query;

import org.neo4j.driver.Value;

public record Region(String code, String name, String level) implements KeyedNode {

    /** A region is identified by its code. */
    @Override
    public String key() {
        return code;
    }

    static Region of(Value n) {
        return new Region(Nodes.string(n, "code"), Nodes.string(n, "name"), Nodes.string(n, "level"));
    }
}
