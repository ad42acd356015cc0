package org.policygraph.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Prepares the database at start, in both modes: applies {@code classpath:cypher/schema.cypher}
 * and loads the administrative divisions of {@code classpath:reference/divisions/} as
 * {@code (:Region)-[:PART_OF]->(:Region)}. Both steps are idempotent.
 */
@Component
public class GraphBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(GraphBootstrap.class);

    static final String SCHEMA = "cypher/schema.cypher";
    static final String DIVISIONS = "reference/divisions/";
    /** City-level rows that are placeholders, not cities: their counties belong to the province. */
    static final Set<String> PLACEHOLDER_CITIES = Set.of("市辖区", "省直辖县级行政区划", "县", "自治区直辖县级行政区划");
    private static final int BATCH = 1000;

    private final GraphSessions sessions;

    public GraphBootstrap(GraphSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void afterPropertiesSet() {
        applySchema();
        loadRegions();
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

    public void loadRegions() {
        List<Map<String, Object>> regions = regionRows();
        try (Session session = sessions.session()) {
            for (int from = 0; from < regions.size(); from += BATCH) {
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
        }
        log.info("Loaded {} regions", regions.size());
    }

    /** Provinces, then cities, then counties: each row's parent precedes it. */
    static List<Map<String, Object>> regionRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String[] p : csv(DIVISIONS + "provinces.csv")) {
            rows.add(row(pad(p[0]), p[1], "PROVINCE", true, null));
        }
        Map<String, String> cityParent = new HashMap<>();
        for (String[] c : csv(DIVISIONS + "cities.csv")) {
            String province = pad(c[2]);
            if (PLACEHOLDER_CITIES.contains(c[1])) {
                cityParent.put(c[0], province);
            } else {
                String code = pad(c[0]);
                cityParent.put(c[0], code);
                rows.add(row(code, c[1], "CITY", true, province));
            }
        }
        for (String[] a : csv(DIVISIONS + "areas.csv")) {
            String parent = cityParent.getOrDefault(a[2], pad(a[3]));
            rows.add(row(a[0], a[1], "COUNTY", isOfficialCountyCode(a[0]), parent));
        }
        return rows;
    }

    /**
     * Statistical-only zones (development zones, new areas such as 兰州新区) use county digits
     * 71-79 in NBS codes; GB/T 2260 county-level cities use 81-99 and are official.
     */
    static boolean isOfficialCountyCode(String code) {
        int county = Integer.parseInt(code.substring(4, 6));
        return county < 70 || county >= 80;
    }

    static String pad(String code) {
        return (code + "000000").substring(0, 6);
    }

    private static Map<String, Object> row(String code, String name, String level, boolean official, String parent) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("level", level);
        row.put("official", official);
        row.put("parent", parent);
        return row;
    }

    /** The data rows of one of the division files: plain comma-separated fields, names in quotes. */
    static List<String[]> csv(String resource) {
        List<String[]> rows = new ArrayList<>();
        String[] lines = read(resource).split("\\R");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].split(",", -1);
            for (int f = 0; f < fields.length; f++) {
                fields[f] = fields[f].strip().replace("\"", "");
            }
            rows.add(fields);
        }
        return rows;
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
