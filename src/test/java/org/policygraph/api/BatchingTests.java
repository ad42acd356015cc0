package org.policygraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nested fields are loaded per level for all parents at once: the number of statements depends
 * on the query's shape, not on how many results it has. Statements are counted at the Driver.
 */
class BatchingTests extends ApiTestSupport {

    /** The tasks list plus one statement per batched field of nestedTaskFields.graphql. */
    static final int NESTED_TASK_FIELD_STATEMENTS = 1 + 13;

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
