package org.policygraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nested fields are read by their root field's own statement (or, for parents reached otherwise, loaded per
 * level for all parents at once): the number of statements depends on the query's shape, not on how many
 * results it has. Statements are counted at the Driver.
 */
class BatchingTests extends ApiTestSupport {

    /**
     * The tasks list, which reads the task's document, section, departments, regions, pilots, indicators
     * and cites too, and every field below those (evidence.document, document.region, region.parent,
     * department.region, department.tasks and the document of those tasks): one statement.
     */
    static final int NESTED_TASK_FIELD_STATEMENTS = 1;

    @Test
    void shouldRunAsManyStatementsForTwentyTasksAsForTwo() {
        int forTwo = statements("nestedTaskFields", Map.of("first", 2), 2);
        int forTwenty = statements("nestedTaskFields", Map.of("first", 20), 20);
        assertThat(forTwo).isEqualTo(NESTED_TASK_FIELD_STATEMENTS);
        assertThat(forTwenty).isEqualTo(forTwo);
    }

    @Test
    void shouldRunAsManyStatementsForEveryPilotTaskAsForTwo() {
        // Gansu 14 and 12 first: between them they have region and institution sites and indicators.
        Map<String, Object> variables = Map.of("where", Map.of("pilotLevel", "PROVINCE"),
                "sort", List.of(Map.of("field", "DOCUMENT", "direction", "DESC"),
                        Map.of("field", "ORDINAL", "direction", "DESC")));
        int forTwo = statements("nestedTasks", with(variables, 2), 2);
        int forAll = statements("nestedTasks", with(variables, 20), 5);
        assertThat(forAll).isEqualTo(forTwo);
    }

    @Test
    void shouldAnswerTheCanonicalQuestionWithOneStatement() {
        statements.reset();
        var response = graphQlTester.documentName("canonicalQuestion").variable("department", "省卫生健康委")
                .variable("pilotLevel", "PROVINCE").variable("pilotRegion", "白银市").execute();
        response.path("tasks.totalCount").entity(Integer.class).isEqualTo(2);
        response.path("tasks.edges[*].node.pilots[*].programme.name").entityList(String.class).hasSizeGreaterThan(1);
        response.path("tasks.edges[*].node.document.docNumber").entityList(String.class).hasSize(2);
        assertThat(statements.count()).isEqualTo(1);
    }

    @Test
    void shouldReadPilotsWithTheirTasksSitesAndDocumentsInOneStatement() {
        statements.reset();
        var response = graphQlTester.documentName("regionPilots").variable("region", "庆阳市")
                .variable("level", "NATIONAL").execute();
        response.path("pilots.edges[*].node.task.document.docNumber").entityList(String.class).hasSize(2);
        response.path("pilots.edges[*].node.sites[*].name").entityList(String.class).contains("庆阳市中医院");
        assertThat(statements.count()).isEqualTo(1);
    }

    @Test
    void shouldReadIndicatorsWithTheirTasksDocumentsAndEvidenceInOneStatement() {
        statements.reset();
        var response = graphQlTester.documentName("indicatorsByDeadline").variable("deadline", "年底前").execute();
        response.path("indicators.edges[*].node.evidence.text").entityList(String.class)
                .contains("达到100%", "超过350个");
        response.path("indicators.edges[*].node.document.docNumber").entityList(String.class).hasSize(5);
        assertThat(statements.count()).isEqualTo(1);
    }

    @Test
    void shouldReadOneTaskWithItsNestedFieldsInOneStatement() {
        String key = graphQlTester.document("{ tasks(first: 1, where: {pilotLevel: PROVINCE}) { edges { node { key } } } }")
                .execute().path("tasks.edges[0].node.key").entity(String.class).get();
        statements.reset();
        var response = graphQlTester.document("""
                query($key: ID!) { task(key: $key) {
                  document { docNumber region { name parent { name } } }
                  departments { department { name region { name } } evidence { document { key } } }
                  pilots { task { key } sites { ... on Region { name } ... on Institution { name } } }
                  evidence { document { key } }
                } }""").variable("key", key).execute();
        response.path("task.document.docNumber").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());
        response.path("task.evidence.document.key").entity(String.class).satisfies(k -> assertThat(k).isNotBlank());
        response.path("task.pilots[*].task.key").entityList(String.class).contains(key);
        assertThat(statements.count()).isEqualTo(1);
    }

    private int statements(String document, Map<String, Object> variables, int expectedTasks) {
        statements.reset();
        var request = graphQlTester.documentName(document);
        variables.forEach(request::variable);
        request.execute().path("tasks.edges").entityList(Object.class).hasSize(expectedTasks);
        return statements.count();
    }

    private static Map<String, Object> with(Map<String, Object> variables, int first) {
        var all = new java.util.HashMap<>(variables);
        all.put("first", first);
        return all;
    }
}
