package org.policygraph.graph.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WHERE clause of one list statement: fixed Cypher conditions joined with AND, every value a
 * parameter. Conditions are added only for the filters a request sets.
 */
final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /**
     * Adds {@code condition} using {@code $parameter} when {@code value} is set; a null condition adds
     * the parameter alone (for a condition the statement's start already ensures).
     */
    Filter when(Object value, String parameter, String condition) {
        if (value != null) {
            parameters.put(parameter, value);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        return this;
    }

    /** Adds a condition that uses no new parameter. */
    Filter when(boolean applies, String condition) {
        if (applies) {
            conditions.add(condition);
        }
        return this;
    }

    Filter parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\w+)");

    /**
     * The conditions of {@code nested} as one condition of this filter ("true" without any), its
     * parameters taken over under names with {@code prefix} so that they cannot clash with this one's.
     */
    String adopt(Filter nested, String prefix) {
        nested.parameters.forEach((name, value) -> parameters.put(prefix + name, value));
        if (nested.conditions.isEmpty()) {
            return "true";
        }
        Matcher parameter = PARAMETER.matcher(String.join(" AND ", nested.conditions));
        StringBuilder renamed = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(renamed, Matcher.quoteReplacement("$" + prefix + parameter.group(1)));
        }
        parameter.appendTail(renamed);
        return "(" + renamed + ")";
    }

    String where() {
        return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions);
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /**
     * {@code path} leads to a Region; the condition holds when that region lies inside one of the
     * regions whose codes {@code $parameter} lists (or is one of them).
     */
    static String inside(String path, String parameter) {
        return "EXISTS { MATCH " + path + "-[:PART_OF*0..]->(within:Region) WHERE within.code IN $" + parameter + " }";
    }

    /**
     * The pilots of the level {@code $levelParameter} with a site in or under the regions
     * {@code $regionParameter}: one seek of the index pilot_sited_in, which returns exactly them, where
     * {@link #pilotsWithSitesUnder} visits every pilot of every level there.
     */
    static String pilotsOfLevelWithSitesUnder(String regionParameter, String levelParameter, String pilot) {
        return "MATCH (:Region)<-[sited:SITED_IN]-(" + pilot + ":Pilot)\n"
                + "WHERE sited.regionCode IN $" + regionParameter + " AND sited.level = $" + levelParameter;
    }

    /**
     * Binds {@code pilot} to the pilots with a site (a region, or an institution located in one) inside
     * one of the regions whose codes {@code $parameter} lists: walks down from those regions.
     */
    static String pilotsWithSitesUnder(String parameter, String pilot) {
        return "MATCH (anchor:Region) WHERE anchor.code IN $" + parameter + "\n"
                + "MATCH (anchor)<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN*0..1]-()<-[:AT_SITE]-(" + pilot + ":Pilot)";
    }

    /**
     * {@code property} contains the string {@code $parameter}. The property is read through
     * {@code toString} so that the planner never answers it from a RANGE index: Neo4j 5.26 sometimes
     * planned one (for a title next to an indexed anchor) and then failed with "A STRING_CONTAINS
     * predicate is not allowed for a RANGE index". A range index cannot serve a substring search
     * anyway; {@code toString} of a string is the string, of null is null.
     */
    static String contains(String property, String parameter) {
        return "toString(" + property + ") CONTAINS $" + parameter;
    }
}
