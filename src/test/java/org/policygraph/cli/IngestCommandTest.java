package org.policygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.corpus.DocumentIngester;
import org.policygraph.graph.EmbeddedGraphTestSupport;
import org.policygraph.corpus.GoldExtractor;
import picocli.CommandLine;

class IngestCommandTest extends EmbeddedGraphTestSupport {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void emptyGraph() {
        clearDocuments();
    }

    private int ingest(String... args) {
        IngestCommand command = new IngestCommand(new DocumentIngester(loader, new GoldExtractor()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    @Test
    void shouldPrintOneLinePerFileAndFailWhenAnyFileFails() throws Exception {
        Path baiyin = Files.writeString(dir.resolve(BAIYIN + ".txt"), "白银");
        Path gansu = Files.writeString(dir.resolve(GANSU + ".txt"), "甘肃");
        Path other = Files.writeString(dir.resolve("other.txt"), "其他");

        int exit = ingest(baiyin.toString(), gansu.toString(), other.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                baiyin + ": ok: 26 tasks (市政办发〔2021〕100号)",
                gansu + ": ok: 23 tasks (甘政办发〔2022〕84号)",
                other + ": failed: other.txt: no gold extraction");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[", "3/3", "2 ok, 1 failed");
        assertThat(count("MATCH (t:Task) RETURN count(t)")).isEqualTo(49);
    }

    @Test
    void shouldExitZeroWithoutProgressBarForOneGoodFile() throws Exception {
        Path baiyin = Files.writeString(dir.resolve(BAIYIN + ".txt"), "白银");
        assertThat(ingest(baiyin.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(baiyin + ": ok: 26 tasks (市政办发〔2021〕100号)"
                + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldIngestEveryFileUnderADirectoryInPathOrderLeavingHiddenOnesOut() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path gansu = Files.writeString(Files.createDirectories(corpus.resolve("2022")).resolve(GANSU + ".txt"), "甘肃");
        Path baiyin = Files.writeString(corpus.resolve(BAIYIN + ".txt"), "白银");
        Files.writeString(corpus.resolve(".notes.txt"), "其他");
        Files.writeString(Files.createDirectories(corpus.resolve(".cache")).resolve("other.txt"), "其他");

        assertThat(ingest(corpus.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                gansu + ": ok: 23 tasks (甘政办发〔2022〕84号)",
                baiyin + ": ok: 26 tasks (市政办发〔2021〕100号)");
    }

    @Test
    void shouldReportAnUnreadableFile() {
        Path missing = dir.resolve("missing.txt");
        assertThat(ingest(missing.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(missing + ": failed: cannot read");
    }

    @Test
    void shouldDropSpringPropertyArgumentsBeforePicocli() {
        assertThat(SpringCommands.commandArgs(new String[] {"ingest", "--spring.neo4j.uri=bolt://x:1", "a.txt",
                "--help"})).containsExactly("ingest", "a.txt", "--help");
        assertThat(SpringCommands.isSpringBacked(new String[] {"ingest", "a.txt"})).isTrue();
        assertThat(SpringCommands.isSpringBacked(new String[] {"extract"})).isFalse();
        assertThat(SpringCommands.isSpringBacked(new String[0])).isFalse();
    }
}
