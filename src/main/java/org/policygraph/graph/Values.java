package org.policygraph.graph;

import org.neo4j.driver.Value;

/** Driver values read into Java, a missing or null value (including a property a node lacks) as null. */
public final class Values {

    private Values() {}

    public static String string(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    public static Integer integer(Value value) {
        return value == null || value.isNull() ? null : value.asInt();
    }

    public static Double number(Value value) {
        return value == null || value.isNull() ? null : value.asDouble();
    }

    public static Boolean bool(Value value) {
        return value == null || value.isNull() ? null : value.asBoolean();
    }
}
