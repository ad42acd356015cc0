package org.policygraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An OutOfMemoryError that kills one thread ends the whole process with a log line: in a JVM of its
 * own, a thread named like Tomcat's poller runs the heap out for real while a non-daemon thread (a
 * stand-in for the rest of the server) would otherwise keep the process alive without it forever.
 */
class FatalErrorsTest {

    /** Far beyond the second it takes; the process would otherwise never end. */
    static final long EXIT_WITHIN_SECONDS = 60;

    /** The JVM the test starts. */
    public static final class HalfDeadServer {
        public static void main(String[] args) throws InterruptedException {
            FatalErrors.exitOnUncaughtErrors();
            Thread rest = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "rest-of-the-server");
            rest.start();
            Thread poller = new Thread(() -> {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[1 << 20]);
                }
            }, "http-nio-8080-Poller");
            poller.start();
            poller.join();
        }
    }

    @Test
    void shouldExitWithALogLineWhenAThreadRunsOutOfMemory() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", classpath(), HalfDeadServer.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("the process ended by itself; output:\n%s", output).isTrue();
        assertThat(process.exitValue()).isEqualTo(FatalErrors.EXIT_STATUS);
        assertThat(output).contains("Exiting (status 3)", "OutOfMemoryError", "http-nio-8080-Poller");
    }

    private static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath == null || classpath.isBlank() ? System.getProperty("java.class.path") : classpath;
    }
}
