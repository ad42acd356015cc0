package org.policygraph.graph.query;

import java.util.List;

/**
 * The schema's TaskWhere input; every set field must hold (see tasks.graphqls). Spring for GraphQL binds
 * it from {@code where} by field name; code that builds one itself names its fields through
 * {@link #builder()}.
 */
public record TaskWhere(String department, String departmentFunction, String role, String region, String pilotLevel,
        String pilotProgramme, String pilotRegion, String documentLevel, String issuer, Integer year, String docNumber,
        Integer ordinal, String titleContains, String text, String departmentRegion, String mentionsRegion,
        String pilotInstitution, String indicatorDeadline, String documentRegion, String theme, Boolean hasPilot,
        Boolean hasIndicator, String indicatorUnit, Double indicatorValue, String themeTerm, List<TaskWhere> allOf,
        List<TaskWhere> anyOf, TaskWhere not) {

    /** No filter: every task. */
    public static final TaskWhere ANY = builder().build();

    public static TaskWhere orAny(TaskWhere where) {
        return where == null ? ANY : where;
    }

    /** A TaskWhere with no field set; each method sets the field of its name. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private String department;
        private String departmentFunction;
        private String role;
        private String region;
        private String pilotLevel;
        private String pilotProgramme;
        private String pilotRegion;
        private String documentLevel;
        private String issuer;
        private Integer year;
        private String docNumber;
        private Integer ordinal;
        private String titleContains;
        private String text;
        private String departmentRegion;
        private String mentionsRegion;
        private String pilotInstitution;
        private String indicatorDeadline;
        private String documentRegion;
        private String theme;
        private Boolean hasPilot;
        private Boolean hasIndicator;
        private String indicatorUnit;
        private Double indicatorValue;
        private String themeTerm;
        private List<TaskWhere> allOf;
        private List<TaskWhere> anyOf;
        private TaskWhere not;

        private Builder() {}

        public Builder department(String value) {
            department = value;
            return this;
        }

        public Builder departmentFunction(String value) {
            departmentFunction = value;
            return this;
        }

        public Builder role(String value) {
            role = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder pilotLevel(String value) {
            pilotLevel = value;
            return this;
        }

        public Builder pilotProgramme(String value) {
            pilotProgramme = value;
            return this;
        }

        public Builder pilotRegion(String value) {
            pilotRegion = value;
            return this;
        }

        public Builder documentLevel(String value) {
            documentLevel = value;
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder year(Integer value) {
            year = value;
            return this;
        }

        public Builder docNumber(String value) {
            docNumber = value;
            return this;
        }

        public Builder ordinal(Integer value) {
            ordinal = value;
            return this;
        }

        public Builder titleContains(String value) {
            titleContains = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder departmentRegion(String value) {
            departmentRegion = value;
            return this;
        }

        public Builder mentionsRegion(String value) {
            mentionsRegion = value;
            return this;
        }

        public Builder pilotInstitution(String value) {
            pilotInstitution = value;
            return this;
        }

        public Builder indicatorDeadline(String value) {
            indicatorDeadline = value;
            return this;
        }

        public Builder documentRegion(String value) {
            documentRegion = value;
            return this;
        }

        public Builder theme(String value) {
            theme = value;
            return this;
        }

        public Builder hasPilot(Boolean value) {
            hasPilot = value;
            return this;
        }

        public Builder hasIndicator(Boolean value) {
            hasIndicator = value;
            return this;
        }

        public Builder indicatorUnit(String value) {
            indicatorUnit = value;
            return this;
        }

        public Builder indicatorValue(Double value) {
            indicatorValue = value;
            return this;
        }

        public Builder themeTerm(String value) {
            themeTerm = value;
            return this;
        }

        public Builder allOf(List<TaskWhere> value) {
            allOf = value;
            return this;
        }

        public Builder anyOf(List<TaskWhere> value) {
            anyOf = value;
            return this;
        }

        public Builder not(TaskWhere value) {
            not = value;
            return this;
        }

        public TaskWhere build() {
            return new TaskWhere(department, departmentFunction, role, region, pilotLevel, pilotProgramme, pilotRegion, documentLevel, issuer, year, docNumber, ordinal, titleContains, text, departmentRegion, mentionsRegion, pilotInstitution, indicatorDeadline, documentRegion, theme,
                    hasPilot, hasIndicator, indicatorUnit, indicatorValue, themeTerm, allOf, anyOf, not);
        }
    }
}
