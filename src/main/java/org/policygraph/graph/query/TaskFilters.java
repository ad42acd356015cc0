package org.policygraph.graph.query;

import java.util.ArrayList;
import java.util.List;
import org.policygraph.extract.region.LevelWords;
import org.springframework.stereotype.Component;

/** Translates a {@link TaskWhere} into the MATCH and WHERE of a statement binding {@code t} to each task. */
@Component
class TaskFilters {

    /** Name of {@code d} with the function {@code $name} removed from its end is a level prefix or d's region. */
    static String function(String name) {
        String prefix = "substring(d.name, 0, size(d.name) - size($" + name + "))";
        return "(d.name = $" + name + " OR (d.name ENDS WITH $" + name + " AND (" + prefix + " IN $levelPrefixes"
                + " OR EXISTS { MATCH (d)-[:OF_REGION]->(own:Region)"
                + " WHERE " + prefix + " IN [own.name, left(own.name, size(own.name) - 1)] })))";
    }

    private static final String TASK_REGION = "(" + Filter.inside("(t)-[:MENTIONS]->(:Region)", "region") + " OR "
            + Filter.inside("(t)-[:DESIGNATES]->(:Pilot)-[:AT_SITE]->()-[:LOCATED_IN*0..1]->(:Region)", "region")
            + ")";
    private static final String PILOT_REGION =
            Filter.inside("(p)-[:AT_SITE]->()-[:LOCATED_IN*0..1]->(:Region)", "pilotRegion");

    /** The {@code $levelPrefixes} of {@link #function}: the level words of reference/level-words.tsv. */
    static final List<String> LEVEL_PREFIXES = LevelWords.levelWords();

    private final RegionNames regionNames;

    TaskFilters(RegionNames regionNames) {
        this.regionNames = regionNames;
    }

    /**
     * Binds {@code t} to tasks with a pilot that has a site under the regions {@code $parameter} lists
     * and that meets {@code pilotConditions} on {@code sitePilot}; one row per such pilot.
     */
    private static String pilotSitesUnder(String parameter, List<String> pilotConditions) {
        return Filter.pilotsWithSitesUnder(parameter, "sitePilot") + "<-[:DESIGNATES]-(t:Task)"
                + (pilotConditions.isEmpty() ? "" : "\nWHERE " + String.join(" AND ", pilotConditions));
    }

    /** The pilot filters other than its region, on {@code sitePilot}: one pilot must meet them all. */
    private static List<String> pilotConditions(TaskWhere where) {
        List<String> conditions = new ArrayList<>();
        if (where.pilotLevel() != null) {
            conditions.add("sitePilot.level = $pilotLevel");
        }
        if (where.pilotProgramme() != null) {
            conditions.add("sitePilot.programme = $pilotProgramme");
        }
        return conditions;
    }

    /**
     * Where a task list starts, and the filter whose condition that start already ensures (so that the
     * WHERE need not test it again), or null.
     */
    record Start(String match, String covers) {
        static final Start EVERY_TASK = new Start("MATCH (t:Task)", null);
    }

    /**
     * Where the statement starts: from the index of the most selective filter given, so that the cost
     * follows the size of the answer, not of the graph; the WHERE of {@link #filter} checks every other
     * filter. The order ranks filters by how few tasks one value typically has: a phrase, a document, an
     * institution, a region's pilots or mentions, a department, ...; every task only without any of them.
     */
    Start start(TaskWhere where) {
        if (where.text() != null) {
            return new Start("CALL db.index.fulltext.queryNodes('taskText', $text) YIELD node AS t", "text");
        }
        if (where.docNumber() != null) {
            return new Start("MATCH (:Document {docNumber: $docNumber})-[:HAS_TASK]->(t:Task)", "docNumber");
        }
        if (where.pilotInstitution() != null) {
            return new Start("MATCH (site:Institution)"
                    + " WHERE site.key = $pilotInstitution OR site.name = $pilotInstitution\n"
                    + "MATCH (site)<-[:AT_SITE]-(:Pilot)<-[:DESIGNATES]-(t:Task)\nWITH DISTINCT t", null);
        }
        if (where.pilotRegion() != null) {
            return new Start(pilotSitesUnder("pilotRegion", pilotConditions(where)) + "\nWITH DISTINCT t", "pilot");
        }
        if (where.mentionsRegion() != null) {
            return new Start("MATCH (named:Region)<-[:MENTIONS]-(t:Task) WHERE named.code IN $mentionsRegion\n"
                    + "WITH DISTINCT t", "mentionsRegion");
        }
        if (where.region() != null) {
            return new Start("CALL () { MATCH (anchor:Region) WHERE anchor.code IN $region\n"
                    + "MATCH (anchor)<-[:PART_OF*0..]-(:Region)<-[:MENTIONS]-(t:Task) RETURN t\n"
                    + "UNION " + pilotSitesUnder("region", List.of()) + " RETURN t }\n"
                    + "WITH DISTINCT t", "region");
        }
        if (where.department() != null) {
            return new Start("MATCH (:Department {name: $department})<-[assignment:ASSIGNED_TO]-(t:Task)\n"
                    + (where.role() == null ? "" : "WHERE assignment.role = $role\n") + "WITH DISTINCT t",
                    where.departmentFunction() == null && where.departmentRegion() == null ? "department" : null);
        }
        if (where.departmentRegion() != null) {
            return new Start("MATCH (anchor:Region) WHERE anchor.code IN $departmentRegion\n"
                    + "MATCH (anchor)<-[:PART_OF*0..]-(:Region)<-[:OF_REGION]-(:Department)<-[:ASSIGNED_TO]-(t:Task)\n"
                    + "WITH DISTINCT t", null);
        }
        if (where.theme() != null) {
            return new Start("MATCH (:Theme {name: $theme})<-[:HAS_THEME]-(t:Task)", "theme");
        }
        if (where.issuer() != null) {
            return new Start("MATCH (:Document {issuer: $issuer})-[:HAS_TASK]->(t:Task)", "issuer");
        }
        if (where.indicatorDeadline() != null) {
            return new Start("MATCH (:Indicator {deadline: $indicatorDeadline})<-[:SETS]-(t:Task)\nWITH DISTINCT t",
                    "indicatorDeadline");
        }
        if (where.documentRegion() != null) {
            return new Start("MATCH (anchor:Region) WHERE anchor.code IN $documentRegion\n"
                    + "MATCH (anchor)<-[:PART_OF*0..]-(:Region)<-[:ISSUED_IN]-(:Document)-[:HAS_TASK]->(t:Task)\n"
                    + "WITH DISTINCT t", "documentRegion");
        }
        return Start.EVERY_TASK;
    }

    /** The WHERE of a task list that starts at {@code start}: every filter but the one the start ensures. */
    Filter filter(TaskWhere where, Start start) {
        Filter filter = new Filter();
        String covered = start.covers() == null ? "" : start.covers();
        if (where.text() != null) {
            if (where.text().isBlank()) {
                throw new ApiException.BadInput("text must not be blank");
            }
            if (covered.equals("text")) {
                filter.parameter("text", phrase(where.text().strip()));
            } else {
                // inside allOf/anyOf, where the statement does not start from the full-text index
                filter.when(where.text().strip(), "text", Filter.contains("t.text", "text"));
            }
        }
        List<String> department = new ArrayList<>();
        if (where.department() != null) {
            filter.parameter("department", where.department());
            department.add("d.name = $department");
        }
        if (where.departmentFunction() != null) {
            filter.parameter("departmentFunction", where.departmentFunction());
            filter.parameter("levelPrefixes", LEVEL_PREFIXES);
            department.add(function("departmentFunction"));
        }
        if (where.departmentRegion() != null) {
            filter.parameter("departmentRegion", regionNames.codes(where.departmentRegion()));
            department.add(Filter.inside("(d)-[:OF_REGION]->(:Region)", "departmentRegion"));
        }
        if (where.role() != null) {
            filter.parameter("role", where.role());
            department.add("a.role = $role");
        }
        filter.when(!department.isEmpty() && !covered.equals("department"),
                "EXISTS { MATCH (t)-[a:ASSIGNED_TO]->(d:Department) WHERE " + String.join(" AND ", department) + " }");
        filter.when(regionNames.codes(where.region()), "region", covered.equals("region") ? null : TASK_REGION);

        List<String> pilot = new ArrayList<>();
        if (where.pilotLevel() != null) {
            filter.parameter("pilotLevel", where.pilotLevel());
            pilot.add("p.level = $pilotLevel");
        }
        if (where.pilotProgramme() != null) {
            filter.parameter("pilotProgramme", where.pilotProgramme());
            pilot.add("p.programme = $pilotProgramme");
        }
        if (where.pilotRegion() != null) {
            filter.parameter("pilotRegion", regionNames.codes(where.pilotRegion()));
            pilot.add(PILOT_REGION);
        }
        if (where.pilotInstitution() != null) {
            filter.parameter("pilotInstitution", where.pilotInstitution());
            pilot.add("EXISTS { MATCH (p)-[:AT_SITE]->(site:Institution)"
                    + " WHERE site.key = $pilotInstitution OR site.name = $pilotInstitution }");
        }
        filter.when(!pilot.isEmpty() && !covered.equals("pilot"),
                "EXISTS { MATCH (t)-[:DESIGNATES]->(p:Pilot) WHERE " + String.join(" AND ", pilot) + " }");

        filter.when(where.hasPilot() != null, (where.hasPilot() == Boolean.TRUE ? "" : "NOT ")
                + "EXISTS { MATCH (t)-[:DESIGNATES]->(:Pilot) }");
        filter.when(where.hasIndicator() != null, (where.hasIndicator() == Boolean.TRUE ? "" : "NOT ")
                + "EXISTS { MATCH (t)-[:SETS]->(:Indicator) }");
        List<String> indicator = new ArrayList<>();
        if (where.indicatorUnit() != null) {
            filter.parameter("indicatorUnit", where.indicatorUnit());
            indicator.add("measure.unit = $indicatorUnit");
        }
        if (where.indicatorValue() != null) {
            filter.parameter("indicatorValue", where.indicatorValue());
            indicator.add("measure.value = $indicatorValue");
        }
        filter.when(!indicator.isEmpty(),
                "EXISTS { MATCH (t)-[:SETS]->(measure:Indicator) WHERE " + String.join(" AND ", indicator) + " }");
        filter.when(where.themeTerm(), "themeTerm",
                "EXISTS { MATCH (t)-[tagged:HAS_THEME]->(:Theme) WHERE $themeTerm IN tagged.terms }");
        nested(filter, where.allOf(), "allOf", " AND ");
        nested(filter, where.anyOf(), "anyOf", " OR ");
        if (where.not() != null) {
            filter.when(true, "NOT " + filter.adopt(filter(where.not(), Start.EVERY_TASK), "not_"));
        }

        return filter.when(where.documentLevel(), "documentLevel", "t.docLevel = $documentLevel")
                .when(where.year(), "year", "t.year = $year")
                .when(where.issuer(), "issuer", covered.equals("issuer") ? null
                        : "EXISTS { MATCH (t)<-[:HAS_TASK]-(doc:Document) WHERE doc.issuer = $issuer }")
                .when(where.docNumber(), "docNumber",
                        covered.equals("docNumber") ? null
                                : "EXISTS { MATCH (t)<-[:HAS_TASK]-(doc:Document) WHERE doc.docNumber = $docNumber }")
                .when(where.ordinal(), "ordinal", "t.ordinal = $ordinal")
                .when(where.titleContains(), "titleContains", Filter.contains("t.title", "titleContains"))
                .when(regionNames.codes(where.mentionsRegion()), "mentionsRegion",
                        covered.equals("mentionsRegion") ? null
                                : "EXISTS { MATCH (t)-[:MENTIONS]->(named:Region) WHERE named.code IN $mentionsRegion }")
                .when(where.indicatorDeadline(), "indicatorDeadline",
                        covered.equals("indicatorDeadline") ? null
                                : "EXISTS { MATCH (t)-[:SETS]->(target:Indicator) WHERE target.deadline = $indicatorDeadline }")
                .when(where.theme(), "theme",
                        covered.equals("theme") ? null : "EXISTS { MATCH (t)-[:HAS_THEME]->(:Theme {name: $theme}) }")
                .when(regionNames.codes(where.documentRegion()), "documentRegion",
                        covered.equals("documentRegion") ? null
                                : Filter.inside("(t)<-[:HAS_TASK]-(:Document)-[:ISSUED_IN]->(:Region)", "documentRegion"));
    }

    /** Each TaskWhere of {@code group} as one condition, joined with {@code operator}. */
    private void nested(Filter filter, List<TaskWhere> group, String name, String operator) {
        if (group == null || group.isEmpty()) {
            return;
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            TaskWhere member = TaskWhere.orAny(group.get(i));
            conditions.add(filter.adopt(filter(member, Start.EVERY_TASK), name + i + "_"));
        }
        filter.when(true, "(" + String.join(operator, conditions) + ")");
    }

    /** A Lucene phrase query for the text: the words in this order, special characters taken literally. */
    static String phrase(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
