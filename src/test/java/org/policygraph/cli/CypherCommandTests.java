package org.policygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.policygraph.analyst.AnalystGraphTestSupport;
import org.policygraph.analyst.CypherRunner;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/** The cypher command against the analyst tests' sample graph (same Spring context). */
class CypherCommandTests extends AnalystGraphTestSupport {

    @Autowired
    CypherRunner runner;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int cypher(String... args) {
        CypherCommand command = new CypherCommand(runner, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintATableWithAlignedChineseColumns() {
        int exit = cypher("-e", "MATCH (d:Document {stub: false}) RETURN d.key AS document, d.year AS year ORDER BY year");
        assertThat(exit).isZero();
        assertThat(out()).isEqualTo("""
                +-----------------------+------+
                | document              | year |
                +-----------------------+------+
                | 市政办发〔2021〕100号 | 2021 |
                | 甘政办发〔2022〕84号  | 2022 |
                +-----------------------+------+
                (2 rows)
                """);
    }

    @Test
    void shouldPrintCsvWithParameters() {
        int exit = cypher("-e", "MATCH (t:Task)-[:ASSIGNED_TO {role: 'LEAD'}]->(:Department {name: $department})"
                        + " WHERE t.ordinal < $before RETURN t.ordinal AS task, t.title AS title ORDER BY task",
                "-p", "department=省医保局", "-p", "before=4", "--format", "csv");
        assertThat(exit).isZero();
        assertThat(out()).isEqualTo("task,title\r\n2,推进药品耗材集中带量采购\r\n3,深化医疗服务价格改革\r\n");
    }

    @Test
    void shouldRunASavedFileWithItsDefaultsOrOverriddenParametersAsJson() {
        assertThat(cypher("cypher/queries/department-tasks-with-evidence.cypher", "--format=json",
                "-p", "department=市残联")).isZero();
        assertThat(out()).contains("\"columns\" : [ \"document\", \"task\", \"title\", \"role\", \"position\", \"source\", \"start\", \"end\", \"evidence\" ]")
                .contains("坚持和加强党对公立医院的全面领导").contains("\"市残联\"").contains("\"truncated\" : false");

        out.reset();
        assertThat(cypher("cypher/queries/department-tasks-with-evidence.cypher", "--format", "CSV")).isZero();
        assertThat(out()).startsWith("document,task,title,role,position,source,start,end,evidence\r\n甘政办发〔2022〕84号,2,推进药品耗材集中带量采购,LEAD,1,gansu-2022-ganzhengbanfa-84.txt,")
                .contains(",1030,1034,省医保局\r\n");
    }

    @Test
    void shouldRefuseWritesAndReportFailuresWithExitCodeOne() {
        assertThat(cypher("-e", "CREATE (:Probe)")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cypher: rejected: only read-only queries");
        assertThat(cypher("-e", "MATCH (n RETURN n")).isEqualTo(1);
        assertThat(cypher("no/such/file.cypher")).isEqualTo(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void shouldRequireAQueryOrAFile() {
        assertThat(cypher()).isEqualTo(2);
        assertThat(cypher("-e", "RETURN 1", "some.cypher")).isEqualTo(2);
    }

    @Test
    void shouldTypeParameterValues() {
        assertThat(CypherCommand.typed("2022")).isEqualTo(2022L);
        assertThat(CypherCommand.typed("0.5")).isEqualTo(0.5);
        assertThat(CypherCommand.typed("true")).isEqualTo(true);
        assertThat(CypherCommand.typed("null")).isNull();
        assertThat(CypherCommand.typed("\"2022\"")).isEqualTo("2022");
        assertThat(CypherCommand.typed("省卫生健康委")).isEqualTo("省卫生健康委");
        assertThat(CypherCommand.csvLine(java.util.List.of("a,b", "say \"hi\"", "x"))).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",x\r\n");
        assertThat(SpringCommands.isSpringBacked(new String[] {"cypher", "-e", "RETURN 1"})).isTrue();
    }
}
