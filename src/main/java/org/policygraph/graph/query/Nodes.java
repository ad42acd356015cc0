package org.policygraph.graph.query;

import org.neo4j.driver.Value;

/** Reads node properties ({@code n {.*}}) into the API's records; absent properties become null. */
final class Nodes {

    private Nodes() {}

    static String string(Value node, String property) {
        Value value = node.get(property);
        return value.isNull() ? null : value.asString();
    }

    static Integer integer(Value node, String property) {
        Value value = node.get(property);
        return value.isNull() ? null : value.asInt();
    }

    static Double number(Value node, String property) {
        Value value = node.get(property);
        return value.isNull() ? null : value.asDouble();
    }

    static Boolean bool(Value node, String property) {
        Value value = node.get(property);
        return value.isNull() ? null : value.asBoolean();
    }
}
