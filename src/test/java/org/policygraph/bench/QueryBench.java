package org.policygraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL latency of the canonical research questions next to the same questions as hand-written Cypher through
 * the Java driver (the floor) and, when its URL is given, the same questions through the Neo4j GraphQL Library;
 * and a closed-loop load driver reporting throughput, median and p99 at N clients. GraphQL goes through Apache
 * HttpClient 5 with kept-alive pooled connections: the JDK's java.net.http.HttpClient cost ~1.2 ms more per call
 * (2.6 against 1.4 ms p50 for the same small question), which the comparison with the Cypher floor (the Neo4j
 * driver, as lean a client as there is) counted against GraphQL.
 *
 * <pre>
 * QueryBench latency GRAPHQL_URL BOLT_URI [NEO4J_GRAPHQL_URL|-] [ROUNDS] [WARMUP_SECONDS, default 60]
 * QueryBench load GRAPHQL_URL SECONDS CLIENTS[,CLIENTS...] [all|canonical]
 * QueryBench isolated GRAPHQL_URL BOLT_URI [CALLS, default 300]
 * </pre>
 * In latency mode calls are interleaved question by question and system by system, so all columns see the
 * same machine load. Isolated mode is the opposite view: per question, CALLS warm-up calls and then CALLS
 * measured calls of our GraphQL in a row, then the same of the floor, so each runs with warm caches.
 */
public final class QueryBench {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One research question: our GraphQL, the Cypher floor, and the Neo4j GraphQL Library's form. */
    record Question(String name, String graphql, String variables, String cypher, Map<String, Object> params,
            String ngql, String ngqlVariables) {}

    static final String PAGE = """
            WITH collect(x) AS rows
            RETURN size(rows) AS totalCount, [x IN rows[0..20] | %s] AS nodes
            """;

    static List<Question> questions() throws IOException {
        List<Question> q = new ArrayList<>();
        q.add(new Question("canonical 市卫生健康委/PROVINCE/白银市", op("canonicalQuestion"),
                "{\"department\":\"市卫生健康委\",\"pilotLevel\":\"PROVINCE\",\"pilotRegion\":\"白银市\"}",
                """
                MATCH (:Region)<-[s:SITED_IN]-(:Pilot)<-[:DESIGNATES]-(t:Task)
                WHERE s.regionCode IN $codes AND s.level = $level
                  AND EXISTS { (t)-[:ASSIGNED_TO]->(:Department {name: $department}) }
                WITH DISTINCT t AS x ORDER BY x.key
                """ + PAGE.formatted("x {.ordinal, .title, document: head([(x)<-[:HAS_TASK]-(d:Document) | d {.docNumber}]),"
                        + " pilots: [(x)-[:DESIGNATES]->(p:Pilot) | p {.level, programme: head([(p)-[:OF_PROGRAMME]->(g) | g {.name}])}]}"),
                Map.of("codes", List.of("620400"), "level", "PROVINCE", "department", "市卫生健康委"),
                """
                query($department: String!, $pilotLevel: String!, $pilotRegion: String!) {
                  tasksConnection(where: {departments: {some: {name: {eq: $department}}}, pilots: {some: {level: {eq: $pilotLevel}, OR: [
                      {regionSites: {some: {OR: [{name: {eq: $pilotRegion}}, {parent: {some: {name: {eq: $pilotRegion}}}}]}}},
                      {institutionSites: {some: {region: {some: {OR: [{name: {eq: $pilotRegion}}, {parent: {some: {name: {eq: $pilotRegion}}}}]}}}}}]}}},
                      first: 20, sort: [{key: ASC}]) {
                    totalCount
                    edges { node { ordinal title document { docNumber } pilots { level programme { name } } } }
                  }
                }""",
                "{\"department\":\"市卫生健康委\",\"pilotLevel\":\"PROVINCE\",\"pilotRegion\":\"白银市\"}"));
        q.add(new Question("leadTasks 省医保局", op("leadTasks"), "{\"department\":\"省医保局\"}",
                """
                MATCH (:Department {name: $department})<-[:ASSIGNED_TO {role: 'LEAD'}]-(t:Task)
                WITH DISTINCT t AS x ORDER BY x.ordinal, x.key
                """ + PAGE.formatted("x {.ordinal, .title, document: head([(x)<-[:HAS_TASK]-(d:Document) | d {.docNumber}])}"),
                Map.of("department", "省医保局"),
                """
                query($department: String!) {
                  tasksConnection(where: {departmentsConnection: {some: {node: {name: {eq: $department}}, edge: {role: {eq: "LEAD"}}}}},
                      first: 20, sort: [{ordinal: ASC}, {key: ASC}]) {
                    totalCount
                    edges { node { ordinal title document { docNumber } } }
                  }
                }""",
                "{\"department\":\"省医保局\"}"));
        q.add(new Question("pilotSiteTasks 景泰县", op("pilotSiteTasks"), "{\"region\":\"景泰县\"}",
                """
                MATCH (w:Region) WHERE w.code IN $codes
                MATCH (w)<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN*0..1]-()<-[:AT_SITE]-(:Pilot)<-[:DESIGNATES]-(t:Task)
                WITH DISTINCT t AS x ORDER BY x.key
                """ + PAGE.formatted("x {.ordinal, .title, document: head([(x)<-[:HAS_TASK]-(d:Document) | d {.docNumber}]),"
                        + " pilots: [(x)-[:DESIGNATES]->(p:Pilot) | p {.level, programme: head([(p)-[:OF_PROGRAMME]->(g) | g {.name}])}]}"),
                Map.of("codes", List.of("620423")),
                """
                query($region: String!) {
                  tasksConnection(where: {pilots: {some: {OR: [{regionSites: {some: {name: {eq: $region}}}},
                      {institutionSites: {some: {region: {some: {name: {eq: $region}}}}}}]}}}, first: 20, sort: [{key: ASC}]) {
                    totalCount
                    edges { node { ordinal title document { docNumber } pilots { programme { name } level } } }
                  }
                }""",
                "{\"region\":\"景泰县\"}"));
        q.add(new Question("regionPilots 庆阳市/NATIONAL", op("regionPilots"), "{\"region\":\"庆阳市\",\"level\":\"NATIONAL\"}",
                """
                MATCH (:Region)<-[s:SITED_IN]-(p:Pilot)
                WHERE s.regionCode IN $codes AND s.level = $level
                WITH DISTINCT p AS x ORDER BY x.key
                """ + PAGE.formatted("x {programme: head([(x)-[:OF_PROGRAMME]->(g) | g {.name}]),"
                        + " task: head([(x)<-[:DESIGNATES]-(t:Task) | t {.ordinal, document: head([(t)<-[:HAS_TASK]-(d:Document) | d {.docNumber}])}]),"
                        + " sites: [(x)-[:AT_SITE]->(s) | s {.name}]}"),
                Map.of("codes", List.of("621000"), "level", "NATIONAL"),
                """
                query($region: String!, $level: String!) {
                  pilotsConnection(where: {level: {eq: $level}, OR: [
                      {regionSites: {some: {OR: [{name: {eq: $region}}, {parent: {some: {name: {eq: $region}}}}]}}},
                      {institutionSites: {some: {region: {some: {OR: [{name: {eq: $region}}, {parent: {some: {name: {eq: $region}}}}]}}}}}]},
                      first: 20, sort: [{key: ASC}]) {
                    totalCount
                    edges { node { programme { name } task { ordinal document { docNumber } } regionSites { name } institutionSites { name } } }
                  }
                }""",
                "{\"region\":\"庆阳市\",\"level\":\"NATIONAL\"}"));
        q.add(new Question("tasksInRegion 甘南州", op("tasksInRegion"), "{\"region\":\"甘南州\"}",
                """
                MATCH (w:Region) WHERE w.code IN $codes
                MATCH (w)<-[:PART_OF*0..]-(r:Region)
                CALL { WITH r MATCH (r)<-[:MENTIONS]-(t:Task) RETURN t
                       UNION WITH r MATCH (r)<-[:LOCATED_IN*0..1]-()<-[:AT_SITE]-(:Pilot)<-[:DESIGNATES]-(t:Task) RETURN t }
                WITH DISTINCT t AS x ORDER BY x.key
                """ + PAGE.formatted("x {.key, .title, regions: [(x)-[:MENTIONS]->(m:Region) | m {.name}]}"),
                Map.of("codes", List.of("623000")),
                """
                query($region: String!) {
                  tasksConnection(where: {OR: [
                      {regions: {some: {OR: [{name: {eq: $region}}, {parent: {some: {name: {eq: $region}}}}]}}},
                      {pilots: {some: {OR: [{regionSites: {some: {OR: [{name: {eq: $region}}, {parent: {some: {name: {eq: $region}}}}]}}},
                          {institutionSites: {some: {region: {some: {OR: [{name: {eq: $region}}, {parent: {some: {name: {eq: $region}}}}]}}}}}]}}}]},
                      first: 20, sort: [{key: ASC}]) {
                    totalCount
                    edges { node { key title regions { name } } }
                  }
                }""",
                "{\"region\":\"甘南藏族自治州\"}"));
        q.add(new Question("indicatorsByDeadline 年底前", op("indicatorsByDeadline"), "{\"deadline\":\"年底前\"}",
                """
                MATCH (i:Indicator {deadline: $deadline})
                WITH i AS x ORDER BY x.key
                """ + PAGE.formatted("x {.text, .value, .unit, .subject, .start, .end,"
                        + " task: head([(x)<-[:SETS]-(t:Task) | t {.ordinal}]),"
                        + " document: head([(x)<-[:SETS]-(:Task)<-[:HAS_TASK]-(d:Document) | d {.docNumber}] + [(x)<-[:SETS]-(d:Document) | d {.docNumber}])}"),
                Map.of("deadline", "年底前"),
                """
                query($deadline: String!) {
                  indicatorsConnection(where: {deadline: {eq: $deadline}}, first: 20, sort: [{key: ASC}]) {
                    totalCount
                    edges { node { text value unit subject start end task { ordinal } document { docNumber } } }
                  }
                }""",
                "{\"deadline\":\"年底前\"}"));
        q.add(new Question("indicatorsByValue % 90..95", op("indicatorsByValue"), "{\"unit\":\"%\",\"min\":90,\"max\":95}",
                """
                MATCH (i:Indicator {unit: $unit}) WHERE i.value >= $min AND i.value <= $max
                WITH i AS x ORDER BY x.value DESC, x.key
                """ + PAGE.formatted("x {.text, .value, .subject, task: head([(x)<-[:SETS]-(t:Task) | t {.key}])}"),
                Map.of("unit", "%", "min", 90.0, "max", 95.0),
                """
                query($unit: String!, $min: Float!, $max: Float!) {
                  indicatorsConnection(where: {unit: {eq: $unit}, value: {gte: $min, lte: $max}}, first: 20, sort: [{value: DESC}, {key: ASC}]) {
                    totalCount
                    edges { node { text value subject task { key } } }
                  }
                }""",
                "{\"unit\":\"%\",\"min\":90,\"max\":95}"));
        return q;
    }

    static String op(String name) throws IOException {
        try (InputStream in = QueryBench.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // --- calls ----------------------------------------------------------------------------------

    /** Enough pooled connections for the largest client count the load steps use. */
    private static final int MAX_CONNECTIONS = 512;

    static final CloseableHttpClient HTTP = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
            .build();

    /** Result of one call: the totalCount it reported (-1 when none) or the error. */
    record Outcome(long totalCount, String error) {}

    static Outcome graphql(String url, String query, String variables) {
        try {
            String body = "{\"query\":" + JSON.writeValueAsString(query) + ",\"variables\":" + variables + "}";
            HttpPost post = new HttpPost(url);
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            record Response(int status, String body) {}
            Response response = HTTP.execute(post, r -> new Response(r.getCode(),
                    EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)));
            if (response.status() != 200) return new Outcome(-1, "HTTP " + response.status() + " " + abbrev(response.body()));
            JsonNode json = JSON.readTree(response.body());
            if (json.has("errors")) return new Outcome(-1, abbrev(json.get("errors").toString()));
            JsonNode data = json.get("data");
            JsonNode first = data.properties().iterator().next().getValue();
            return new Outcome(first.has("totalCount") ? first.get("totalCount").asLong() : -1, null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(-1, e.toString());
        }
    }

    static Outcome cypher(Driver driver, Question q) {
        try (Session session = driver.session()) {
            Record r = session.executeRead(tx -> tx.run(q.cypher(), q.params()).single());
            return new Outcome(r.get("totalCount").asLong(), null);
        } catch (RuntimeException e) {
            return new Outcome(-1, e.toString());
        }
    }

    private static String abbrev(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** Runs whole interleaved rounds for {@code seconds} (at least one); returns how many. */
    static int warmupRounds(String graphqlUrl, String boltUri, String ngqlUrl, List<Question> questions, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int rounds = 0;
        try (Driver driver = GraphDatabase.driver(boltUri, AuthTokens.none())) {
            do {
                for (Question q : questions) {
                    graphql(graphqlUrl, q.graphql(), q.variables());
                    cypher(driver, q);
                    if (ngqlUrl != null) {
                        graphql(ngqlUrl, q.ngql(), q.ngqlVariables());
                    }
                }
                rounds++;
            } while (System.nanoTime() < end);
        }
        return rounds;
    }

    // --- modes ----------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        System.out.println(Machine.describe());
        switch (args[0]) {
            case "latency" -> latency(args[1], args[2], args.length > 3 && !args[3].equals("-") ? args[3] : null,
                    args.length > 4 ? Integer.parseInt(args[4]) : 50,
                    args.length > 5 ? Integer.parseInt(args[5]) : DEFAULT_WARMUP_SECONDS);
            case "load" -> load(args[1], Integer.parseInt(args[2]), args[3], args.length > 4 ? args[4] : "all");
            case "isolated" -> isolated(args[1], args[2], args.length > 3 ? Integer.parseInt(args[3]) : 300);
            case "versus" -> versus(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("load after: " + Machine.loadAverage());
    }

    /**
     * Warm-up of the latency mode: whole rounds (every question on every system, interleaved as measured)
     * until this time has passed, so that every system's JIT has compiled its path before measuring.
     */
    static final int DEFAULT_WARMUP_SECONDS = 60;

    static void latency(String graphqlUrl, String boltUri, String ngqlUrl, int rounds, int warmupSeconds)
            throws IOException {
        List<Question> questions = questions();
        int warmup = warmupRounds(graphqlUrl, boltUri, ngqlUrl, questions, warmupSeconds);
        try (Driver driver = GraphDatabase.driver(boltUri, AuthTokens.none())) {
            int systems = ngqlUrl == null ? 2 : 3;
            long[][][] nanos = new long[questions.size()][systems][rounds];
            long[][] counts = new long[questions.size()][systems];
            String[][] errors = new String[questions.size()][systems];
            for (int round = 0; round < rounds; round++) {
                for (int qi = 0; qi < questions.size(); qi++) {
                    Question q = questions.get(qi);
                    // The first system of each round rotates, so that none always follows the same one
                    // (whatever the previous call left behind, GC or cold caches, falls on each in turn).
                    for (int turn = 0; turn < systems; turn++) {
                        int s = (turn + round + qi) % systems;
                        long t0 = System.nanoTime();
                        Outcome o = switch (s) {
                            case 0 -> graphql(graphqlUrl, q.graphql(), q.variables());
                            case 1 -> cypher(driver, q);
                            default -> graphql(ngqlUrl, q.ngql(), q.ngqlVariables());
                        };
                        long t = System.nanoTime() - t0;
                        if (o.error() != null && errors[qi][s] == null) errors[qi][s] = o.error();
                        counts[qi][s] = o.totalCount();
                        if (round >= 0) nanos[qi][s][round] = t;
                    }
                }
            }
            System.out.printf("%n%d measured rounds after %d warm-up rounds (%d s), one client, calls interleaved"
                    + " (the first system rotates)%n",
                    rounds, warmup, warmupSeconds);
            System.out.printf("%-32s %8s | %17s | %17s | %7s", "question", "total", "GraphQL p50/p99 ms",
                    "Cypher p50/p99 ms", "GQL/Cy");
            if (systems == 3) System.out.printf(" | %19s | %8s", "@neo4j/graphql p50/p99", "GQL/lib");
            System.out.println();
            for (int qi = 0; qi < questions.size(); qi++) {
                double[] p50 = new double[systems];
                double[] p99 = new double[systems];
                for (int s = 0; s < systems; s++) {
                    p50[s] = Stats.percentile(nanos[qi][s], 50) / 1e6;
                    p99[s] = Stats.percentile(nanos[qi][s], 99) / 1e6;
                }
                String total = counts[qi][0] + (counts[qi][1] == counts[qi][0] ? "" : "/" + counts[qi][1])
                        + (systems == 3 && counts[qi][2] != counts[qi][0] ? "/lib " + counts[qi][2] : "");
                System.out.printf("%-32s %8s | %8.1f %8.1f | %8.1f %8.1f | %7.2f", questions.get(qi).name(), total,
                        p50[0], p99[0], p50[1], p99[1], p50[0] / p50[1]);
                if (systems == 3) System.out.printf(" | %9.1f %9.1f | %8.2f", p50[2], p99[2], p50[0] / p50[2]);
                System.out.println();
            }
            for (int qi = 0; qi < questions.size(); qi++) {
                for (int s = 0; s < systems; s++) {
                    if (errors[qi][s] != null) {
                        System.out.printf("error %s [%s]: %s%n", questions.get(qi).name(),
                                new String[] {"GraphQL", "Cypher", "@neo4j/graphql"}[s], errors[qi][s]);
                    }
                }
            }
        }
    }

    /**
     * Two builds of the app side by side, each serving its own copy of the same graph, and the Cypher floor:
     * every question {@code rounds} times, in blocks of {@code block} calls of one system in a row (warm, as
     * isolated), the systems taking turns block by block, so that whatever else the machine does falls on all
     * three alike. Reports each system's median and the ratios.
     */
    static void versus(String aUrl, String bUrl, String boltUri, int rounds, int block) throws IOException {
        System.out.printf("%nversus: per question %d rounds of %d calls in a row per system, the systems taking turns"
                + " (after a first round not measured)%n", rounds, block);
        System.out.printf("%-32s | %17s | %17s | %17s | %7s | %7s | %7s%n", "question", "A p50/p99 ms",
                "B p50/p99 ms", "Cypher p50/p99 ms", "A/Cy", "B/Cy", "B/A");
        try (Driver driver = GraphDatabase.driver(boltUri, AuthTokens.none())) {
            for (Question q : questions()) {
                long[][] nanos = new long[3][rounds * block];
                for (int round = -1; round < rounds; round++) {
                    for (int turn = 0; turn < 3; turn++) {
                        int s = (turn + Math.max(round, 0)) % 3;
                        for (int i = 0; i < block; i++) {
                            long t0 = System.nanoTime();
                            switch (s) {
                                case 0 -> graphql(aUrl, q.graphql(), q.variables());
                                case 1 -> graphql(bUrl, q.graphql(), q.variables());
                                default -> cypher(driver, q);
                            }
                            if (round >= 0) nanos[s][round * block + i] = System.nanoTime() - t0;
                        }
                    }
                }
                double[] p50 = new double[3];
                double[] p99 = new double[3];
                for (int s = 0; s < 3; s++) {
                    p50[s] = Stats.percentile(nanos[s], 50) / 1e6;
                    p99[s] = Stats.percentile(nanos[s], 99) / 1e6;
                }
                System.out.printf("%-32s | %8.2f %8.2f | %8.2f %8.2f | %8.2f %8.2f | %7.2f | %7.2f | %7.2f%n", q.name(),
                        p50[0], p99[0], p50[1], p99[1], p50[2], p99[2], p50[0] / p50[2], p50[1] / p50[2], p50[1] / p50[0]);
            }
        }
    }

    static void isolated(String graphqlUrl, String boltUri, int calls) throws IOException {
        System.out.printf("%nisolated: per question %d warm-up and %d measured calls of one system in a row, then the"
                + " other%n", calls, calls);
        System.out.printf("%-32s | %17s | %17s | %7s%n", "question", "GraphQL p50/p99 ms", "Cypher p50/p99 ms",
                "GQL/Cy");
        try (Driver driver = GraphDatabase.driver(boltUri, AuthTokens.none())) {
            for (Question q : questions()) {
                long[] ours = new long[calls];
                long[] floor = new long[calls];
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < calls; i++) {
                        long t0 = System.nanoTime();
                        graphql(graphqlUrl, q.graphql(), q.variables());
                        ours[i] = System.nanoTime() - t0;
                    }
                }
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < calls; i++) {
                        long t0 = System.nanoTime();
                        cypher(driver, q);
                        floor[i] = System.nanoTime() - t0;
                    }
                }
                double p50 = Stats.percentile(ours, 50) / 1e6;
                double floorP50 = Stats.percentile(floor, 50) / 1e6;
                System.out.printf("%-32s | %8.2f %8.2f | %8.2f %8.2f | %7.2f%n", q.name(), p50,
                        Stats.percentile(ours, 99) / 1e6, floorP50, Stats.percentile(floor, 99) / 1e6, p50 / floorP50);
            }
        }
    }

    static void load(String graphqlUrl, int seconds, String clientCounts, String which) throws Exception {
        List<Question> all = questions();
        List<Question> questions = which.equals("canonical") ? all.subList(0, 1) : all;
        System.out.printf("%nclosed loop, %s questions, %d s per step (after a 5 s warm-up at the same concurrency)%n",
                which.equals("canonical") ? "the canonical" : "mixed (" + questions.size() + ")", seconds);
        System.out.printf("%7s %10s %9s %9s %9s %8s %8s%n", "clients", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
        for (String c : clientCounts.split(",")) {
            int clients = Integer.parseInt(c);
            run(graphqlUrl, questions, clients, 5, null);
            Map<String, Long> errorKinds = new LinkedHashMap<>();
            long[] result = run(graphqlUrl, questions, clients, seconds, errorKinds);
            int n = result.length - 1;
            long[] lat = java.util.Arrays.copyOf(result, n);
            System.out.printf("%7d %10d %9.1f %9.1f %9.1f %8.1f %8d%n", clients, n, n / (double) seconds,
                    Stats.percentile(lat, 50) / 1e6, Stats.percentile(lat, 99) / 1e6, Stats.percentile(lat, 100) / 1e6,
                    result[n]);
            errorKinds.forEach((k, v) -> System.out.printf("        error x%d: %s%n", v, k));
        }
    }

    /** Latencies of every completed call in the window, then the error count as the last element. */
    static long[] run(String url, List<Question> questions, int clients, int seconds, Map<String, Long> errorKinds)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<List<Long>> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            int offset = c;
            Thread client = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    Question q = questions.get(i++ % questions.size());
                    long t0 = System.nanoTime();
                    Outcome o = graphql(url, q.graphql(), q.variables());
                    mine.add(System.nanoTime() - t0);
                    if (o.error() != null) {
                        errors.incrementAndGet();
                        if (errorKinds != null) {
                            synchronized (errorKinds) {
                                errorKinds.merge(abbrev(o.error()), 1L, Long::sum);
                            }
                        }
                    }
                }
                done.countDown();
            });
            client.start();
        }
        done.await();
        int total = latencies.stream().mapToInt(List::size).sum();
        long[] out = new long[total + 1];
        int k = 0;
        for (List<Long> l : latencies) for (long v : l) out[k++] = v;
        out[total] = errors.get();
        return out;
    }
}
