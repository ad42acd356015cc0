package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * SITED_IN, the shortcut from a pilot to every region its sites lie in, says what the walk down the
 * regions and the sites says, is written with every load, and is added once to a graph written before it.
 */
class PilotSitedInTest extends EmbeddedGraphTestSupport {

    /** Per pilot with a level, the codes of the regions its sites lie in, by the walk and by SITED_IN. */
    private static final String BY_WALK = """
            MATCH (p:Pilot) WHERE p.level IS NOT NULL
            MATCH (p)-[:AT_SITE]->()-[:LOCATED_IN*0..1]->(:Region)-[:PART_OF*0..]->(r:Region)
            WITH p, r ORDER BY r.code
            WITH p, collect(DISTINCT r.code + '/' + p.level) AS codes ORDER BY p.key
            RETURN collect(p.key + ':' + reduce(s = '', c IN codes | s + c + ' ')) AS pilots
            """;
    private static final String BY_SITED_IN = """
            MATCH (p:Pilot)-[s:SITED_IN]->(r:Region)
            WITH p, r, s ORDER BY r.code
            WITH p, collect(r.code + '/' + s.level) AS codes, collect(s.regionCode) = collect(r.code) AS same ORDER BY p.key
            WHERE same
            RETURN collect(p.key + ':' + reduce(s = '', c IN codes | s + c + ' ')) AS pilots
            """;

    @BeforeEach
    void samplesLoaded() {
        clearDocuments();
        loader.load(gold(GANSU));
        loader.load(gold(BAIYIN));
    }

    @Test
    void everyLoadWritesTheRegionsAPilotIsSitedIn() {
        List<Object> byWalk = pilots(BY_WALK);

        assertThat(byWalk).isNotEmpty();
        assertThat(pilots(BY_SITED_IN)).isEqualTo(byWalk);
        // A county site makes its pilot sited in the county, its city and the province.
        assertThat(count("""
                MATCH (p:Pilot)-[:AT_SITE]->(:Region {code: '620423'})
                MATCH (p)-[:SITED_IN]->(r:Region) WHERE r.code IN ['620423', '620400', '620000']
                RETURN count(DISTINCT r)""")).isEqualTo(3);

        long sitedIn = count("MATCH ()-[s:SITED_IN]->() RETURN count(s)");
        loader.load(gold(BAIYIN));
        assertThat(count("MATCH ()-[s:SITED_IN]->() RETURN count(s)")).isEqualTo(sitedIn);
    }

    @Test
    void aGraphWrittenBeforeGetsThemOnceAtStart() {
        List<Object> written = pilots(BY_SITED_IN);
        run("MATCH ()-[s:SITED_IN]->() DELETE s", "MERGE (m:GraphModel {name: 'policygraph'}) REMOVE m.version");
        assertThat(pilots(BY_SITED_IN)).isEmpty();

        new GraphBootstrap(sessions).upgradeModel();

        assertThat(pilots(BY_SITED_IN)).isEqualTo(written);
        assertThat(count("MATCH (m:GraphModel {name: 'policygraph'}) RETURN m.version"))
                .isEqualTo(GraphBootstrap.MODEL_VERSION);
        // Once there, a start adds nothing; run again, an upgrade writes only what a pilot lacks, once.
        new GraphBootstrap(sessions).upgradeModel();
        assertThat(pilots(BY_SITED_IN)).isEqualTo(written);
        long sitedIn = count("MATCH ()-[s:SITED_IN]->() RETURN count(s)");
        run("MATCH (p:Pilot)-[:SITED_IN]->() WITH p LIMIT 1 MATCH (p)-[s:SITED_IN]->() DELETE s",
                "MATCH (m:GraphModel {name: 'policygraph'}) REMOVE m.version");
        new GraphBootstrap(sessions).upgradeModel();
        assertThat(count("MATCH ()-[s:SITED_IN]->() RETURN count(s)")).isEqualTo(sitedIn);
        assertThat(pilots(BY_SITED_IN)).isEqualTo(written);
    }

    /**
     * Pilots loaded while the division table had 景泰县 under no city lack SITED_IN to 白银市; a start
     * with a table that has it writes the regions again, and their SITED_IN with them.
     */
    @Test
    void regionsWrittenAgainAtStartWriteThemAgain() {
        List<Object> byWalk = pilots(BY_WALK);
        run("MATCH (:Region {code: '620423'})-[p:PART_OF]->(:Region {code: '620400'}) DELETE p", """
                MATCH (p:Pilot)-[:AT_SITE]->(:Region {code: '620423'})
                MATCH (p)-[s:SITED_IN]->(:Region {code: '620400'}) DELETE s""");
        assertThat(pilots(BY_SITED_IN)).isNotEqualTo(byWalk);

        new GraphBootstrap(sessions).afterPropertiesSet();

        assertThat(pilots(BY_WALK)).isEqualTo(byWalk);
        assertThat(pilots(BY_SITED_IN)).isEqualTo(byWalk);
    }

    private void run(String... statements) {
        try (Session session = sessions.session()) {
            for (String statement : statements) {
                session.run(statement).consume();
            }
        }
    }

    private List<Object> pilots(String cypher) {
        try (Session session = sessions.session()) {
            return session.run(cypher).single().get("pilots").asList();
        }
    }
}
