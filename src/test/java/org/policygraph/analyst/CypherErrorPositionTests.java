package org.policygraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.graph.PolicyGraphProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Over the driver the runner plans {@code "EXPLAIN " + query} first; an error in that plan must read
 * as an error in the text the analyst typed: no EXPLAIN, positions and caret on their own text, the
 * same message the embedded database gives for the same query.
 */
class CypherErrorPositionTests extends AnalystGraphTestSupport {

    static final String UNDEFINED_ON_LINE_1 = "MATCH (n:Task) RETURN m";
    static final String UNDEFINED_ON_LINE_2 = "MATCH (n:Task)\nRETURN m";

    @Autowired
    Driver driver;

    @Autowired
    PolicyGraphProperties graph;

    @Autowired
    AnalystProperties analyst;

    private CypherQueryException overBolt(String query) {
        CypherRunner runner = new CypherRunner(driver, graph, analyst, (org.neo4j.graphdb.GraphDatabaseService) null);
        return catchThrowableOfType(CypherQueryException.class, () -> runner.run(query, Map.of()));
    }

    @Test
    void anErrorOverTheDriverPointsIntoTheAnalystsTextWithoutExplain() {
        CypherQueryException e = overBolt(UNDEFINED_ON_LINE_1);
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(CypherQueryException.Reason.FAILED);
        String message = e.getMessage();
        assertThat(message).doesNotContainIgnoringCase("explain")
                .contains("Variable `m` not defined", "(line 1, column 23 (offset: 22))", "\"" + UNDEFINED_ON_LINE_1 + "\"");
        String caret = message.lines().filter(l -> l.trim().equals("^")).findFirst().orElseThrow();
        assertThat(caret.indexOf('^')).as("caret under m, after the opening quote").isEqualTo(23);
        assertThat(message).isEqualTo(post(UNDEFINED_ON_LINE_1, Map.of()).body().get("error").asString());
    }

    @Test
    void anErrorOnALaterLineKeepsItsColumnAndMovesItsOffset() {
        String message = overBolt(UNDEFINED_ON_LINE_2).getMessage();
        assertThat(message).doesNotContainIgnoringCase("explain").contains("(line 2, column 8 (offset: 22))");
        assertThat(message).isEqualTo(post(UNDEFINED_ON_LINE_2, Map.of()).body().get("error").asString());
    }

    @Test
    void aQueryThatStartsWithExplainIsLeftAsItIs() {
        String message = overBolt("EXPLAIN " + UNDEFINED_ON_LINE_1).getMessage();
        assertThat(message).contains("(line 1, column 31 (offset: 30))", "\"EXPLAIN " + UNDEFINED_ON_LINE_1 + "\"");
    }

    @Test
    void withoutPrefixMovesPositionsAndTheCaret() {
        String database = "Variable `m` not defined (line 1, column 26 (offset: 25))\n\"EXPLAIN MATCH (n) RETURN m\"\n"
                + " ".repeat(26) + "^";
        assertThat(CypherText.withoutPrefix(database, "EXPLAIN ")).isEqualTo(
                "Variable `m` not defined (line 1, column 18 (offset: 17))\n\"MATCH (n) RETURN m\"\n" + " ".repeat(18) + "^");
        assertThat(CypherText.withoutPrefix(database, "")).isEqualTo(database);
    }
}
