package org.policygraph.graph.query;

import org.neo4j.driver.Value;
import org.policygraph.graph.Values;

/** Reads node properties ({@code n {.*}}) into the API's records; absent properties become null. */
final class Nodes {

    private Nodes() {}

    static String string(Value node, String property) {
        return Values.string(node.get(property));
    }

    static Integer integer(Value node, String property) {
        return Values.integer(node.get(property));
    }

    static Double number(Value node, String property) {
        return Values.number(node.get(property));
    }

    static Boolean bool(Value node, String property) {
        return Values.bool(node.get(property));
    }
}
