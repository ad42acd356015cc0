package org.policygraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every saved query in cypher/queries/ runs against the sample graph with the defaults of its
 * {@code // params:} line and must return exactly the columns and rows of
 * src/test/resources/cypher-expected/NAME.json. A query without an expectation fails, and so does
 * an expectation without a query.
 *
 * <p>To (re)write the expectations after a deliberate change, run with
 * {@code -Dcypher.expected.update=true}, then review the diff before committing it.
 */
class SavedQueriesTests extends AnalystGraphTestSupport {

    static final Path QUERIES = Path.of("cypher", "queries");
    static final Path EXPECTED = Path.of("src", "test", "resources", "cypher-expected");
    static final String JSON = ".json";
    static final boolean UPDATE = Boolean.getBoolean("cypher.expected.update");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Autowired
    CypherRunner runner;

    @TestFactory
    Stream<DynamicTest> shouldReturnTheExpectedRowsForEverySavedQuery() throws IOException {
        return queryFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> assertExpectedResult(SavedQuery.read(file))));
    }

    @Test
    void shouldHaveAnExpectationForEveryQueryAndAQueryForEveryExpectation() throws IOException {
        Set<String> queries = new TreeSet<>();
        for (Path file : queryFiles()) {
            queries.add(SavedQuery.read(file).name());
        }
        Set<String> expectations = new TreeSet<>();
        try (Stream<Path> files = Files.list(EXPECTED)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(JSON))
                    .forEach(n -> expectations.add(n.substring(0, n.length() - JSON.length())));
        }
        assertThat(queries).as("saved queries in %s", QUERIES).hasSizeGreaterThanOrEqualTo(15);
        assertThat(expectations).as("expectations in %s (one per query in %s)", EXPECTED, QUERIES)
                .isEqualTo(queries);
    }

    @Test
    void shouldDocumentEachQueryAndItsParameters() throws IOException {
        for (Path file : queryFiles()) {
            SavedQuery query = SavedQuery.read(file);
            assertThat(query.query()).as(file.toString()).startsWith("//");
            assertThat(query.parametersLiteral()).as("%s has a '// params:' line", file).isNotNull();
            for (String name : query.defaultParameters(runner).keySet()) {
                assertThat(query.query()).as("%s uses its parameter %s", file, name).contains("$" + name);
            }
        }
    }

    private void assertExpectedResult(SavedQuery query) throws IOException {
        Map<String, Object> parameters = query.defaultParameters(runner);
        CypherResult result = runner.run(query.query(), parameters);
        assertThat(result.truncated()).as("%s is truncated", query.name()).isFalse();
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("parameters", parameters);
        actual.put("columns", result.columns());
        actual.put("rows", result.rows());
        String actualJson = MAPPER.writeValueAsString(actual) + "\n";
        Path expectedFile = EXPECTED.resolve(query.name() + JSON);
        if (UPDATE) {
            Files.writeString(expectedFile, actualJson, StandardCharsets.UTF_8);
        }
        assertThat(expectedFile).as("expected result of %s (write it with -Dcypher.expected.update=true)",
                query.name()).exists();
        JsonNode expected = MAPPER.readTree(Files.readString(expectedFile, StandardCharsets.UTF_8));
        assertThat(MAPPER.readTree(actualJson)).as("result of %s", query.name()).isEqualTo(expected);
        assertThat(result.rows()).as("%s returns rows on the sample graph", query.name()).isNotEmpty();
    }

    static List<Path> queryFiles() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SavedQuery.EXTENSION)).sorted().toList();
        }
    }
}
