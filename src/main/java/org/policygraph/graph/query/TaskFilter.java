package org.policygraph.graph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The filters of {@link TaskWhere}, one constant per condition on a task {@code t}: each knows when the
 * request sets it, its parameters and Cypher predicate, and, for a filter whose index can be where a task
 * list starts, that start ({@link Anchor}). Fields tested together on one related node are one filter
 * (the department fields on one assignment, the pilot fields on one pilot, the indicator fields on one
 * indicator). {@link TaskFilters} puts them together: the start from the best anchor, then the WHERE of
 * every other filter set.
 */
enum TaskFilter {

    TEXT {
        @Override
        boolean isSet(TaskWhere w) {
            return w.text() != null;
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            if (w.text().isBlank()) {
                throw new ApiException.BadInput("text must not be blank");
            }
            if (anchored) {
                filter.parameter("text", TaskFilters.phrase(w.text().strip()));
                return null;
            }
            // inside allOf/anyOf/not, where the statement does not start from the full-text index
            filter.parameter("text", w.text().strip());
            return Filter.contains("t.text", "text");
        }

        @Override
        Anchor anchor(TaskWhere w) {
            return new Anchor(1, "CALL db.index.fulltext.queryNodes('taskText', $text) YIELD node AS t", true);
        }
    },

    /** department, departmentFunction, departmentRegion and role: all on one assignment of the task. */
    DEPARTMENT {
        @Override
        boolean isSet(TaskWhere w) {
            return w.department() != null || w.departmentFunction() != null || w.departmentRegion() != null
                    || w.role() != null;
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            List<String> department = new ArrayList<>();
            if (w.department() != null) {
                filter.parameter("department", w.department());
                department.add("d.name = $department");
            }
            if (w.departmentFunction() != null) {
                filter.parameter("departmentFunction", w.departmentFunction());
                filter.parameter("levelPrefixes", TaskFilters.LEVEL_PREFIXES);
                department.add(TaskFilters.function("departmentFunction"));
            }
            if (w.departmentRegion() != null) {
                filter.parameter("departmentRegion", names.codes(w.departmentRegion()));
                department.add(Filter.inside("(d)-[:OF_REGION]->(:Region)", "departmentRegion"));
            }
            if (w.role() != null) {
                filter.parameter("role", w.role());
                department.add("a.role = $role");
            }
            return anchored ? null
                    : "EXISTS { MATCH (t)-[a:ASSIGNED_TO]->(d:Department) WHERE " + String.join(" AND ", department) + " }";
        }

        /** From the department's tasks (the whole condition unless a function or region narrows it), else the region's. */
        @Override
        Anchor anchor(TaskWhere w) {
            if (w.department() != null) {
                return new Anchor(7, "MATCH (:Department {name: $department})<-[assignment:ASSIGNED_TO]-(t:Task)\n"
                        + (w.role() == null ? "" : "WHERE assignment.role = $role\n") + "WITH DISTINCT t",
                        w.departmentFunction() == null && w.departmentRegion() == null);
            }
            if (w.departmentRegion() != null) {
                return new Anchor(8, "MATCH (anchor:Region) WHERE anchor.code IN $departmentRegion\n"
                        + "MATCH (anchor)<-[:PART_OF*0..]-(:Region)<-[:OF_REGION]-(:Department)<-[:ASSIGNED_TO]-(t:Task)\n"
                        + "WITH DISTINCT t", false);
            }
            return null;
        }
    },

    /** Mentions a region inside it, or designates a pilot with a site inside it. */
    REGION {
        @Override
        boolean isSet(TaskWhere w) {
            return w.region() != null;
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            filter.parameter("region", names.codes(w.region()));
            return anchored ? null : "(" + Filter.inside("(t)-[:MENTIONS]->(:Region)", "region") + " OR "
                    + Filter.inside("(t)-[:DESIGNATES]->(:Pilot)-[:AT_SITE]->()-[:LOCATED_IN*0..1]->(:Region)", "region")
                    + ")";
        }

        @Override
        Anchor anchor(TaskWhere w) {
            return new Anchor(6, "CALL () { MATCH (anchor:Region) WHERE anchor.code IN $region\n"
                    + "MATCH (anchor)<-[:PART_OF*0..]-(:Region)<-[:MENTIONS]-(t:Task) RETURN t\n"
                    + "UNION " + pilotSitesUnder("region", List.of()) + " RETURN t }\n"
                    + "WITH DISTINCT t", true);
        }
    },

    /** pilotLevel, pilotProgramme, pilotRegion and pilotInstitution: all on one pilot the task designates. */
    PILOT {
        @Override
        boolean isSet(TaskWhere w) {
            return w.pilotLevel() != null || w.pilotProgramme() != null || w.pilotRegion() != null
                    || w.pilotInstitution() != null;
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            List<String> pilot = new ArrayList<>();
            if (w.pilotLevel() != null) {
                filter.parameter("pilotLevel", w.pilotLevel());
                pilot.add("p.level = $pilotLevel");
            }
            if (w.pilotProgramme() != null) {
                filter.parameter("pilotProgramme", w.pilotProgramme());
                pilot.add("p.programme = $pilotProgramme");
            }
            if (w.pilotRegion() != null) {
                filter.parameter("pilotRegion", names.codes(w.pilotRegion()));
                pilot.add(Filter.inside("(p)-[:AT_SITE]->()-[:LOCATED_IN*0..1]->(:Region)", "pilotRegion"));
            }
            if (w.pilotInstitution() != null) {
                filter.parameter("pilotInstitution", w.pilotInstitution());
                pilot.add("EXISTS { MATCH (p)-[:AT_SITE]->(site:Institution)"
                        + " WHERE site.key = $pilotInstitution OR site.name = $pilotInstitution }");
            }
            return anchored ? null
                    : "EXISTS { MATCH (t)-[:DESIGNATES]->(p:Pilot) WHERE " + String.join(" AND ", pilot) + " }";
        }

        /**
         * From the institution's pilots (the WHERE still tests the pilot), else from the pilots with a site
         * under the region that meet the level and programme too (the whole condition).
         */
        @Override
        Anchor anchor(TaskWhere w) {
            if (w.pilotInstitution() != null) {
                return new Anchor(3, "MATCH (site:Institution)"
                        + " WHERE site.key = $pilotInstitution OR site.name = $pilotInstitution\n"
                        + "MATCH (site)<-[:AT_SITE]-(:Pilot)<-[:DESIGNATES]-(t:Task)\nWITH DISTINCT t", false);
            }
            if (w.pilotRegion() != null && w.pilotLevel() != null) {
                return new Anchor(4, Filter.pilotsOfLevelWithSitesUnder("pilotRegion", "pilotLevel", "sitePilot")
                        + "\nMATCH (sitePilot)<-[:DESIGNATES]-(t:Task)\n"
                        + (w.pilotProgramme() == null ? "" : "WHERE sitePilot.programme = $pilotProgramme\n")
                        + "WITH DISTINCT t", true);
            }
            if (w.pilotRegion() != null) {
                List<String> conditions = new ArrayList<>();
                if (w.pilotProgramme() != null) {
                    conditions.add("sitePilot.programme = $pilotProgramme");
                }
                return new Anchor(4, pilotSitesUnder("pilotRegion", conditions) + "\nWITH DISTINCT t", true);
            }
            return null;
        }
    },

    HAS_PILOT {
        @Override
        boolean isSet(TaskWhere w) {
            return w.hasPilot() != null;
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            return (w.hasPilot() ? "" : "NOT ") + "EXISTS { MATCH (t)-[:DESIGNATES]->(:Pilot) }";
        }
    },

    HAS_INDICATOR {
        @Override
        boolean isSet(TaskWhere w) {
            return w.hasIndicator() != null;
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            return (w.hasIndicator() ? "" : "NOT ") + "EXISTS { MATCH (t)-[:SETS]->(:Indicator) }";
        }
    },

    /** indicatorUnit and indicatorValue: both on one indicator the task sets. */
    INDICATOR {
        @Override
        boolean isSet(TaskWhere w) {
            return w.indicatorUnit() != null || w.indicatorValue() != null;
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            List<String> indicator = new ArrayList<>();
            if (w.indicatorUnit() != null) {
                filter.parameter("indicatorUnit", w.indicatorUnit());
                indicator.add("measure.unit = $indicatorUnit");
            }
            if (w.indicatorValue() != null) {
                filter.parameter("indicatorValue", w.indicatorValue());
                indicator.add("measure.value = $indicatorValue");
            }
            return "EXISTS { MATCH (t)-[:SETS]->(measure:Indicator) WHERE " + String.join(" AND ", indicator) + " }";
        }
    },

    THEME_TERM(TaskWhere::themeTerm, "themeTerm", false,
            "EXISTS { MATCH (t)-[tagged:HAS_THEME]->(:Theme) WHERE $themeTerm IN tagged.terms }"),

    /** Every member holds; each member's parameters are renamed (allOf0_…) so that they cannot clash. */
    ALL_OF {
        @Override
        boolean isSet(TaskWhere w) {
            return w.allOf() != null && !w.allOf().isEmpty();
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            return group(w.allOf(), "allOf", " AND ", filter, names);
        }
    },

    ANY_OF {
        @Override
        boolean isSet(TaskWhere w) {
            return w.anyOf() != null && !w.anyOf().isEmpty();
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            return group(w.anyOf(), "anyOf", " OR ", filter, names);
        }
    },

    NOT {
        @Override
        boolean isSet(TaskWhere w) {
            return w.not() != null;
        }

        @Override
        String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
            return "NOT " + filter.adopt(TaskFilters.where(w.not(), TaskFilters.Start.EVERY_TASK, names), "not_");
        }
    },

    DOCUMENT_LEVEL(TaskWhere::documentLevel, "documentLevel", false, "t.docLevel = $documentLevel"),

    YEAR(TaskWhere::year, "year", false, "t.year = $year"),

    ISSUER(TaskWhere::issuer, "issuer", false,
            "EXISTS { MATCH (t)<-[:HAS_TASK]-(doc:Document) WHERE doc.issuer = $issuer }") {
        @Override
        Anchor anchor(TaskWhere w) {
            return new Anchor(10, "MATCH (:Document {issuer: $issuer})-[:HAS_TASK]->(t:Task)", true);
        }
    },

    DOC_NUMBER(TaskWhere::docNumber, "docNumber", false,
            "EXISTS { MATCH (t)<-[:HAS_TASK]-(doc:Document) WHERE doc.docNumber = $docNumber }") {
        @Override
        Anchor anchor(TaskWhere w) {
            return new Anchor(2, "MATCH (:Document {docNumber: $docNumber})-[:HAS_TASK]->(t:Task)", true);
        }
    },

    ORDINAL(TaskWhere::ordinal, "ordinal", false, "t.ordinal = $ordinal"),

    TITLE_CONTAINS(TaskWhere::titleContains, "titleContains", false, Filter.contains("t.title", "titleContains")),

    MENTIONS_REGION(TaskWhere::mentionsRegion, "mentionsRegion", true,
            "EXISTS { MATCH (t)-[:MENTIONS]->(named:Region) WHERE named.code IN $mentionsRegion }") {
        @Override
        Anchor anchor(TaskWhere w) {
            return new Anchor(5, "MATCH (named:Region)<-[:MENTIONS]-(t:Task) WHERE named.code IN $mentionsRegion\n"
                    + "WITH DISTINCT t", true);
        }
    },

    INDICATOR_DEADLINE(TaskWhere::indicatorDeadline, "indicatorDeadline", false,
            "EXISTS { MATCH (t)-[:SETS]->(target:Indicator) WHERE target.deadline = $indicatorDeadline }") {
        @Override
        Anchor anchor(TaskWhere w) {
            return new Anchor(11, "MATCH (:Indicator {deadline: $indicatorDeadline})<-[:SETS]-(t:Task)\nWITH DISTINCT t",
                    true);
        }
    },

    THEME(TaskWhere::theme, "theme", false, "EXISTS { MATCH (t)-[:HAS_THEME]->(:Theme {name: $theme}) }") {
        @Override
        Anchor anchor(TaskWhere w) {
            return new Anchor(9, "MATCH (:Theme {name: $theme})<-[:HAS_THEME]-(t:Task)", true);
        }
    },

    DOCUMENT_REGION(TaskWhere::documentRegion, "documentRegion", true,
            Filter.inside("(t)<-[:HAS_TASK]-(:Document)-[:ISSUED_IN]->(:Region)", "documentRegion")) {
        @Override
        Anchor anchor(TaskWhere w) {
            return new Anchor(12, "MATCH (anchor:Region) WHERE anchor.code IN $documentRegion\n"
                    + "MATCH (anchor)<-[:PART_OF*0..]-(:Region)<-[:ISSUED_IN]-(:Document)-[:HAS_TASK]->(t:Task)\n"
                    + "WITH DISTINCT t", true);
        }
    };

    /**
     * Where a task list can start from this filter's index: {@code match} binds {@code t}; {@code rank}
     * orders the anchors by how few tasks one value typically has (1 first: a phrase, a document, an
     * institution, a region's pilots or mentions, a department, ...); {@code covers} when every task it
     * binds meets the whole filter, so the WHERE need not test it again.
     */
    record Anchor(int rank, String match, boolean covers) {}

    /** Of a filter of one field: its value, and whether that value is a region to read as division codes. */
    private final Function<TaskWhere, Object> value;
    private final String parameter;
    private final boolean regionCodes;
    private final String condition;

    /** A filter of more than one field, or of its own kind: it overrides {@link #isSet} and {@link #condition}. */
    TaskFilter() {
        this(null, null, false, null);
    }

    /** A filter of one field: {@code condition} with the field's value as {@code $parameter}. */
    TaskFilter(Function<TaskWhere, Object> value, String parameter, boolean regionCodes, String condition) {
        this.value = value;
        this.parameter = parameter;
        this.regionCodes = regionCodes;
        this.condition = condition;
    }

    /** Whether the request sets this filter. */
    boolean isSet(TaskWhere w) {
        return value.apply(w) != null;
    }

    /**
     * Adds the filter's parameters to {@code filter} and returns its condition on {@code t}, or null when
     * the statement starts from this filter's anchor and that covers it ({@code anchored}).
     */
    String condition(TaskWhere w, Filter filter, RegionNames names, boolean anchored) {
        Object given = value.apply(w);
        filter.parameter(parameter, regionCodes ? names.codes((String) given) : given);
        return anchored ? null : condition;
    }

    /** Where a task list can start from this filter (set in {@code w}), or null when it cannot. */
    Anchor anchor(TaskWhere w) {
        return null;
    }

    /**
     * Binds {@code t} to tasks with a pilot that has a site under the regions {@code $parameter} lists
     * and that meets {@code pilotConditions} on {@code sitePilot}; one row per such pilot.
     */
    private static String pilotSitesUnder(String parameter, List<String> pilotConditions) {
        return Filter.pilotsWithSitesUnder(parameter, "sitePilot") + "<-[:DESIGNATES]-(t:Task)"
                + (pilotConditions.isEmpty() ? "" : "\nWHERE " + String.join(" AND ", pilotConditions));
    }

    /** Each TaskWhere of {@code group} as one condition, joined with {@code operator}. */
    private static String group(List<TaskWhere> group, String name, String operator, Filter filter, RegionNames names) {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            TaskWhere member = TaskWhere.orAny(group.get(i));
            conditions.add(filter.adopt(TaskFilters.where(member, TaskFilters.Start.EVERY_TASK, names), name + i + "_"));
        }
        return "(" + String.join(operator, conditions) + ")";
    }
}
