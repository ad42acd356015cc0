package org.policygraph.graph.query;

/** The schema's TaskWhere input; every set field must hold (see tasks.graphqls). */
public record TaskWhere(String department, String departmentFunction, String role, String region, String pilotLevel,
        String pilotProgramme, String pilotRegion, String documentLevel, String issuer, Integer year, String docNumber,
        Integer ordinal, String titleContains, String text, String departmentRegion, String mentionsRegion,
        String pilotInstitution, String indicatorDeadline, String documentRegion, String theme) {

    public static final TaskWhere ANY = new TaskWhere(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    public static TaskWhere orAny(TaskWhere where) {
        return where == null ? ANY : where;
    }
}
