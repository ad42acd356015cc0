package org.policygraph.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.policygraph.extract.region.DivisionTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Prepares the database at start, in both modes: applies {@code classpath:cypher/schema.cypher}
 * and loads the administrative divisions ({@link DivisionTable}) as
 * {@code (:Region)-[:PART_OF]->(:Region)}. Both steps are idempotent.
 */
@Component
public class GraphBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(GraphBootstrap.class);

    static final String SCHEMA = "cypher/schema.cypher";
    private static final int BATCH = 1000;

    private final GraphSessions sessions;

    public GraphBootstrap(GraphSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void afterPropertiesSet() {
        applySchema();
        upgradeModel(loadRegions());
    }

    /**
     * The version of the graph model this build writes, kept on the {@code (:GraphModel {name: 'policygraph'})}
     * node: a graph written by an earlier build is brought up to it once, at start.
     * 2: pilots with a level have SITED_IN to the regions their sites lie in ({@link GraphLoader#PILOTS_SITED_IN}).
     */
    static final int MODEL_VERSION = 2;

    /**
     * The regions a pilot {@code p} is sited in: every region its sites lie in (a copy of the region
     * hierarchy and the institutions' regions when the pilot is written).
     */
    private static final String SITE_REGIONS_OF_PILOT = """
            MATCH (p)-[:AT_SITE]->()-[:LOCATED_IN*0..1]->(site:Region)
            MATCH (site)-[:PART_OF*0..]->(r:Region)
            WITH DISTINCT p, r
            """;

    /** {@code SITED_IN} of a new pilot {@code p}, with the region's code and the pilot's level. */
    static final String SITED_IN_OF_PILOT = SITE_REGIONS_OF_PILOT
            + "CREATE (p)-[:SITED_IN {regionCode: r.code, level: p.level}]->(r)\n";

    private static final String MODEL = """
            MERGE (m:GraphModel {name: 'policygraph'})
            RETURN coalesce(m.version, 1) AS version
            """;

    /** MERGE, not CREATE: two instances upgrading one database at once must not write them twice. */
    private static final String ADD_SITED_IN = """
            MATCH (p:Pilot) WHERE p.level IS NOT NULL AND NOT EXISTS { (p)-[:SITED_IN]->() }
            CALL (p) {
            """ + SITE_REGIONS_OF_PILOT + """
              MERGE (p)-[:SITED_IN {regionCode: r.code, level: p.level}]->(r)
            } IN TRANSACTIONS OF 10000 ROWS
            """;

    private static final String DELETE_SITED_IN = """
            MATCH ()-[s:SITED_IN]->()
            CALL (s) { DELETE s } IN TRANSACTIONS OF 10000 ROWS
            """;

    /** Brings a graph of an earlier model version up to {@link #MODEL_VERSION}; nothing when it is there. */
    public void upgradeModel() {
        upgradeModel(false);
    }

    /**
     * {@link #upgradeModel()}; when {@code regionsWritten} (a new division table was written at this
     * start), every SITED_IN is written again, as they copy the region hierarchy.
     */
    void upgradeModel(boolean regionsWritten) {
        try (Session session = sessions.session()) {
            int version = session.run(MODEL).single().get("version").asInt();
            if (version >= MODEL_VERSION && !regionsWritten) {
                return;
            }
            long started = System.nanoTime();
            if (regionsWritten) {
                session.run(DELETE_SITED_IN).consume();
            }
            session.run(ADD_SITED_IN).consume();
            session.run("MATCH (m:GraphModel {name: 'policygraph'}) SET m.version = $version",
                    Map.of("version", MODEL_VERSION)).consume();
            log.info("Graph model at version {} (was {}{}) in {} ms", MODEL_VERSION, version,
                    regionsWritten ? ", SITED_IN written again for the regions written" : "",
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    public void applySchema() {
        List<String> statements = schemaStatements(read(SCHEMA));
        try (Session session = sessions.session()) {
            for (String statement : statements) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
        log.info("Applied {} schema statements", statements.size());
    }

    /** The statements of a Cypher script: {@code //} comment lines dropped, split on ';'. */
    static List<String> schemaStatements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (!line.strip().startsWith("//")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : code.toString().split(";")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    /**
     * Writes the division table's regions, unless the graph already holds every one of them as written
     * (the usual start of a loaded database: reading 3,000 regions back costs a fraction of merging them
     * again, which rewrites every property). Returns whether it wrote them.
     */
    public boolean loadRegions() {
        List<Map<String, Object>> regions = regionRows();
        boolean loaded = loadedRegions().containsAll(regions);
        try (Session session = sessions.session()) {
            for (int from = 0; !loaded && from < regions.size(); from += BATCH) {
                List<Map<String, Object>> batch = regions.subList(from, Math.min(regions.size(), from + BATCH));
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MERGE (r:Region {code: row.code})
                        SET r.name = row.name, r.level = row.level, r.official = row.official
                        WITH r, row WHERE row.parent IS NOT NULL
                        MATCH (p:Region {code: row.parent})
                        MERGE (r)-[:PART_OF]->(p)
                        """, Map.of("rows", batch)).consume());
            }
            // Databases loaded before the division tables had one reader made 东莞市, 中山市 and 儋州市
            // counties of themselves; their rows now set the level back to CITY, this drops the loop.
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (r:Region)-[loop:PART_OF]->(r) DELETE loop").consume());
        }
        log.info(loaded ? "The {} regions of the division table were loaded already" : "Loaded {} regions", regions.size());
        return !loaded;
    }

    /** The regions of the graph as {@link #regionRows} writes them (a region with two parents counts twice). */
    private Set<Map<String, Object>> loadedRegions() {
        Set<Map<String, Object>> loaded = new HashSet<>();
        try (Session session = sessions.session()) {
            session.run("""
                    MATCH (r:Region)
                    OPTIONAL MATCH (r)-[:PART_OF]->(p:Region)
                    RETURN r.code AS code, r.name AS name, r.level AS level, r.official AS official, p.code AS parent
                    """).forEachRemaining(record -> loaded.add(row(record.get("code").asString(null),
                    record.get("name").asString(null), record.get("level").asString(null),
                    Values.bool(record.get("official")), record.get("parent").asString(null))));
        }
        return loaded;
    }

    /** Provinces, then cities, then counties: each row's parent precedes it. */
    static List<Map<String, Object>> regionRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DivisionTable.Row division : DivisionTable.rows()) {
            rows.add(row(division.code(), division.name(), division.level().name(), !division.statistical(),
                    division.parentCode()));
        }
        return rows;
    }

    private static Map<String, Object> row(String code, String name, String level, Boolean official, String parent) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("level", level);
        row.put("official", official);
        row.put("parent", parent);
        return row;
    }

    static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder text = new StringBuilder();
            reader.lines().forEach(line -> text.append(line).append('\n'));
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + resource, e);
        }
    }
}
