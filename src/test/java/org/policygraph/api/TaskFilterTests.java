package org.policygraph.api;

import org.junit.jupiter.api.Test;

/** Filters on the task's document and on the matched department's role, combined with AND; allOf and anyOf. */
class TaskFilterTests extends ApiTestSupport {

    @Test
    void shouldFilterByTheDocumentsIssuerYearAndLevel() {
        graphQlTester.document("""
                { tasks(where: {issuer: "白银市人民政府办公室", year: 2021, documentLevel: CITY}) { totalCount } }
                """).execute().path("tasks.totalCount").entity(Integer.class).isEqualTo(26);
        graphQlTester.document("""
                { tasks(where: {issuer: "白银市人民政府办公室", year: 2022}) { totalCount } }
                """).execute().path("tasks.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void shouldCombineDocNumberAndTitle() {
        graphQlTester.document("""
                { tasks(where: {docNumber: "甘政办发〔2022〕84号", titleContains: "医保"}) { edges { node { ordinal } } } }
                """).execute().path("tasks.edges[*].node.ordinal").entityList(Integer.class).containsExactly(4);
    }

    @Test
    void shouldApplyTheRoleToTheMatchedDepartment() {
        graphQlTester.document("""
                { tasks(where: {departmentFunction: "卫生健康委", role: PARTNER, docNumber: "甘政办发〔2022〕84号"},
                        sort: [{field: ORDINAL}]) {
                    edges { node { ordinal } } } }
                """).execute().path("tasks.edges[*].node.ordinal").entityList(Integer.class)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 11, 13, 14, 15, 21, 22);
    }

    @Test
    void shouldFindDocumentsIssuedInsideAProvince() {
        graphQlTester.document("""
                { documents(where: {region: "甘肃省"}, sort: [{field: YEAR, direction: DESC}]) {
                    edges { node { docNumber region { name } } } } }
                """).execute().path("documents.edges[*].node.docNumber").entityList(String.class)
                .containsExactly("甘政办发〔2022〕84号", "市政办发〔2021〕100号");
    }

    @Test
    void shouldRequireEveryMemberOfAllOfAndOneOfAnyOf() {
        graphQlTester.document("""
                { tasks(where: {allOf: [{department: "省医保局"}, {department: "省药监局"}]}, sort: [{field: ORDINAL}]) {
                    edges { node { ordinal } } } }
                """).execute().path("tasks.edges[*].node.ordinal").entityList(Integer.class).containsExactly(15, 16);
        graphQlTester.document("""
                { tasks(where: {anyOf: [{department: "省民政厅", role: LEAD}, {department: "省教育厅", role: LEAD}]},
                        sort: [{field: ORDINAL}]) { edges { node { ordinal } } } }
                """).execute().path("tasks.edges[*].node.ordinal").entityList(Integer.class).containsExactly(21, 22);
    }

    @Test
    void shouldFilterByPilotsIndicatorsAndThemeTerms() {
        graphQlTester.document("""
                { tasks(where: {department: "省医保局", role: LEAD, hasPilot: false}, sort: [{field: ORDINAL}]) {
                    edges { node { ordinal } } } }
                """).execute().path("tasks.edges[*].node.ordinal").entityList(Integer.class).containsExactly(2, 3);
        graphQlTester.document("""
                { tasks(where: {docNumber: "甘政办发〔2022〕84号", indicatorUnit: "%", indicatorValue: 40}) {
                    edges { node { ordinal } } } }
                """).execute().path("tasks.edges[*].node.ordinal").entityList(Integer.class).containsExactly(4);
        graphQlTester.document("""
                { tasks(where: {docNumber: "市政办发〔2021〕100号", anyOf: [{themeTerm: "家庭医生"}, {text: "家庭医生"}]}) {
                    edges { node { ordinal } } } }
                """).execute().path("tasks.edges[*].node.ordinal").entityList(Integer.class).containsExactly(21);
    }
}
