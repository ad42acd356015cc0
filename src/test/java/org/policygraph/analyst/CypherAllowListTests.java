package org.policygraph.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /api/cypher runs reads of the data and nothing else: administration commands, procedures
 * and functions outside the allow-list of application.yml, USE, LOAD CSV, batched commits and
 * query options are refused with 400 naming what is not allowed, before the database sees them.
 */
class CypherAllowListTests extends AnalystGraphTestSupport {

    void assertRefused(String query, String... messageParts) {
        Reply reply = post(query, Map.of());
        assertThat(reply.status()).as(query + " -> " + reply.body()).isEqualTo(400);
        assertThat(reply.body().get("reason").asString()).as(query).isEqualTo("REJECTED");
        assertThat(reply.body().get("error").asString()).as(query).contains(messageParts);
    }

    @Test
    void shouldRefuseCommandsOnOtherClientsTransactionsAndTheServersSettings() {
        assertRefused("SHOW TRANSACTIONS", "SHOW TRANSACTIONS is an administration command");
        assertRefused("SHOW TRANSACTIONS YIELD currentQuery, clientAddress RETURN currentQuery, clientAddress",
                "SHOW TRANSACTIONS");
        assertRefused("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE TRANSACTIONS");
        assertRefused("terminate transactions $ids", "TERMINATE TRANSACTIONS");
        assertRefused("SHOW SETTINGS", "SHOW SETTINGS");
        assertRefused("SHOW INDEXES", "SHOW INDEXES");
        assertRefused("SHOW PROCEDURES YIELD name RETURN name", "SHOW PROCEDURES");
    }

    @Test
    void shouldRefuseAdministrationAndSchemaCommands() {
        assertRefused("SHOW USERS", "SHOW USERS is an administration command");
        assertRefused("CREATE USER probe SET PASSWORD 'secret-secret'", "CREATE USER", "administration");
        assertRefused("ALTER DATABASE neo4j SET ACCESS READ ONLY", "ALTER DATABASE");
        assertRefused("STOP DATABASE neo4j", "STOP DATABASE");
        assertRefused("GRANT ROLE reader TO probe", "GRANT ROLE");
        assertRefused("DROP INDEX taskText", "DROP INDEX", "schema command");
        assertRefused("CREATE INDEX probe FOR (n:Probe) ON (n.x)", "CREATE INDEX", "schema command");
    }

    @Test
    void shouldRefuseProceduresOffTheAllowList() {
        assertRefused("CALL db.stats.collect('QUERIES')", "db.stats.collect", "policygraph.analyst.allowed-procedures");
        assertRefused("CALL db.stats.stop('QUERIES')", "db.stats.stop");
        assertRefused("CALL dbms.components()", "dbms.components");
        assertRefused("CALL dbms.listConfig() YIELD name RETURN name", "dbms.listConfig");
        assertRefused("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", "apoc.periodic.iterate");
        assertRefused("CALL apoc.cypher.run('SHOW TRANSACTIONS', {})", "apoc.cypher.run");
        assertRefused("CALL apoc.load.json('file:///etc/passwd')", "apoc.load.json");
        assertRefused("CALL apoc.export.csv.all('x.csv', {})", "apoc.export.csv.all");
        // Hidden in subqueries and expressions, and in any case.
        assertRefused("RETURN COLLECT { CALL dbms.components() YIELD name RETURN name } AS names", "dbms.components");
        assertRefused("MATCH (t:Task) WHERE EXISTS { CALL DB.STATS.COLLECT('QUERIES') } RETURN t",
                "DB.STATS.COLLECT");
        assertRefused("MATCH (t:Task) CALL { CALL db.stats.clear('QUERIES') YIELD section RETURN section } RETURN t",
                "db.stats.clear");
    }

    @Test
    void shouldRefuseFunctionsOffTheAllowList() {
        assertRefused("RETURN graph.names() AS names", "graph.names", "policygraph.analyst.allowed-functions");
        assertRefused("RETURN apoc.cypher.runFirstColumnSingle('SHOW SETTINGS', {}) AS x", "apoc.cypher.runFirstColumnSingle");
    }

    @Test
    void shouldRefuseOtherDatabasesFilesBatchedCommitsAndQueryOptions() {
        assertRefused("USE system SHOW USERS", "SHOW USERS");
        assertRefused("USE neo4j MATCH (n) RETURN count(n)", "USE is not allowed");
        assertRefused("LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line", "LOAD CSV", "LoadCSV");
        assertRefused("UNWIND [1] AS x CALL { WITH x RETURN x AS y } IN TRANSACTIONS OF 1 ROW RETURN y",
                "IN TRANSACTIONS");
        assertRefused("CYPHER runtime=slotted MATCH (n) RETURN count(n)", "query options");
        assertRefused("EXPLAIN CYPHER 5 MATCH (n) RETURN count(n)", "query options");
        assertRefused("MATCH (n) RETURN count(n); SHOW TRANSACTIONS", "one query at a time");
        assertRefused("MATCH (t:Task) FOREACH (x IN [1] | SET t.probe = x)", "FOREACH writes to the graph", "read-only");
    }

    @Test
    void shouldRunReadsThatUseAllowedProceduresAndFunctions() {
        assertThat(post("CALL db.labels() YIELD label WHERE label = 'Task' RETURN label", Map.of()).body()
                .at("/rows/0/0").asString()).isEqualTo("Task");
        assertThat(count("CALL db.index.fulltext.queryNodes('taskText', '医保') YIELD node RETURN count(node)"))
                .isPositive();
        assertThat(count("RETURN apoc.coll.sum([1, 2, 3]) AS sum")).isEqualTo(6);
        assertThat(count("RETURN date.truncate('year', date('2022-07-09')).year AS year")).isEqualTo(2022);
        assertThat(count("""
                // comments and strings may say anything: SHOW TRANSACTIONS, CALL dbms.components()
                MATCH (t:Task) WHERE t.title <> 'TERMINATE TRANSACTIONS ((((' RETURN count(t)""")).isEqualTo(49);
        assertThat(count("MATCH (t:Task) CALL (t) { RETURN size(t.title) AS n } RETURN count(n)")).isEqualTo(49);
        Reply explained = post("EXPLAIN MATCH (t:Task) RETURN t", Map.of());
        assertThat(explained.status()).isEqualTo(200);
        assertThat(explained.body().get("rows")).isEmpty();
    }
}
