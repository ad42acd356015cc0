package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.neo4j.graphdb.Result;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.cli.SpringCommands;
import org.policygraph.upload.SampleDocuments;

/**
 * SIGKILL during a bulk ingest: the {@code ingest} command runs in a JVM of its own on N generated
 * documents (the two samples under other doc numbers) and is killed (destroyForcibly) a moment after
 * a few documents are in. Then every non-stub document in the graph has all its tasks (one
 * transaction per batch of documents, nothing of a batch before its commit), and running ingest again
 * loads exactly the missing ones. A 1,000
 * document run was done by hand (see the hardening notes); the suite uses {@link #DOCUMENTS}.
 */
class KillDuringIngestTest {

    static final int DOCUMENTS = 12;
    static final int KILL_AFTER = 2;
    static final Path ROOT = Path.of("target", "test-neo4j", "kill-" + UUID.randomUUID()).toAbsolutePath();
    static final Path DATA_DIR = ROOT.resolve("data");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shouldLeaveOnlyCompleteDocumentsAndIngestTheRestAfterwards() throws Exception {
        Map<String, Integer> expectedTasks = new HashMap<>();
        List<String> files = new ArrayList<>();
        Files.createDirectories(ROOT.resolve("docs"));
        for (int i = 0; i < DOCUMENTS; i++) {
            String sample = i % 2 == 0 ? SampleDocuments.BAIYIN : SampleDocuments.GANSU;
            int number = 1000 + i;
            Path file = ROOT.resolve("docs").resolve(String.format("doc-%04d.txt", i));
            Files.writeString(file, SampleDocuments.renumbered(sample, number), StandardCharsets.UTF_8);
            files.add(file.toString());
            expectedTasks.put(SampleDocuments.key(sample, number), SampleDocuments.tasks(sample));
        }

        // 1. A separate JVM, killed with SIGKILL a random moment after KILL_AFTER documents were reported.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classpath(), PolicyGraphApplication.class.getName(), "ingest"));
        command.addAll(settings());
        command.addAll(files);
        Process ingest = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int reported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(ingest.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (reported < KILL_AFTER && (line = out.readLine()) != null) {
                assertThat(line).contains(": ok: ");
                reported++;
            }
            assertThat(reported).as("documents reported before the kill").isEqualTo(KILL_AFTER);
            Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
            ingest.destroyForcibly();
            assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ingest.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        // 2. The database recovers; every document in it is complete.
        Map<String, Long> afterKill = documentTasks();
        assertThat(afterKill.size()).isBetween(KILL_AFTER, DOCUMENTS - 1);
        afterKill.forEach((key, tasks) -> assertThat(tasks).as(key).isEqualTo(expectedTasks.get(key).longValue()));

        // 3. Ingest again (in this JVM): the documents in the graph are duplicates, the others load.
        List<String> again = new ArrayList<>(List.of("ingest"));
        again.addAll(settings());
        again.addAll(files);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit = SpringCommands.launch(PolicyGraphApplication.class, again.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).as(String.join("\n", lines)).isZero();
        assertThat(lines.stream().filter(l -> l.contains(": duplicate of ")).count()).isEqualTo(afterKill.size());
        assertThat(lines.stream().filter(l -> l.contains(": ok: ")).count()).isEqualTo(DOCUMENTS - afterKill.size());

        Map<String, Long> complete = documentTasks();
        assertThat(complete.keySet()).containsExactlyInAnyOrderElementsOf(expectedTasks.keySet());
        complete.forEach((key, tasks) -> assertThat(tasks).as(key).isEqualTo(expectedTasks.get(key).longValue()));
    }

    /**
     * Embedded mode on the test's directory; linking off, as for a bulk load (see the hardening notes);
     * batches of 2 documents, so that the kill falls between or inside batches of a 12-document run.
     */
    static List<String> settings() {
        return List.of("--policygraph.embedded.data-dir=" + DATA_DIR, "--policygraph.embedded.bolt-address=127.0.0.1:0",
                "--policygraph.mode=embedded", "--policygraph.link.on-load=false", "--policygraph.ingest.batch-size=2");
    }

    /** Tasks per non-stub document, read from the data directory after recovery. */
    static Map<String, Long> documentTasks() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(DATA_DIR, "127.0.0.1:0", null)) {
            Map<String, Long> tasks = new HashMap<>();
            neo4j.database().executeTransactionally("""
                    MATCH (d:Document) WHERE d.stub = false
                    OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
                    RETURN d.key AS key, count(t) AS tasks
                    """, Map.of(), (Result result) -> {
                result.forEachRemaining(row -> tasks.put((String) row.get("key"), (Long) row.get("tasks")));
                return null;
            });
            return tasks;
        }
    }

    /** The test classpath (surefire runs tests from a manifest-only jar, and says the real path here). */
    static String classpath() throws IOException {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath == null || classpath.isBlank() ? System.getProperty("java.class.path") : classpath;
    }
}
