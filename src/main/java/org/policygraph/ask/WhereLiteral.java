package org.policygraph.ask;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.policygraph.graph.query.TaskWhere;

/**
 * A {@link TaskWhere} written out with its set fields only: as a GraphQL input literal
 * ({@code {department: "省医保局", role: LEAD}}) or as JSON (enums by name), nested wheres included.
 */
public final class WhereLiteral {

    /** The fields whose values are enum names, written bare in GraphQL. */
    private static final Set<String> ENUM_FIELDS = Set.of("role", "pilotLevel", "documentLevel");

    private WhereLiteral() {}

    public static String graphql(TaskWhere where) {
        return write(where, false);
    }

    public static String json(TaskWhere where) {
        return write(where, true);
    }

    private static String write(TaskWhere where, boolean json) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : TaskWhere.class.getRecordComponents()) {
            Object value = valueOf(component, where);
            if (value == null) continue;
            String name = json ? quote(component.getName()) : component.getName();
            fields.add(name + ": " + value(component.getName(), value, json));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String value(String field, Object value, boolean json) {
        if (value instanceof TaskWhere nested) {
            return write(nested, json);
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object item : list) items.add(value(field, item, json));
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof String text) {
            return ENUM_FIELDS.contains(field) && !json ? text : quote(text);
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return String.valueOf(number.longValue());
        }
        return String.valueOf(value);
    }

    private static Object valueOf(RecordComponent component, TaskWhere where) {
        try {
            return component.getAccessor().invoke(where);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read TaskWhere." + component.getName(), e);
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
