package org.policygraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.policygraph.corpus.DocumentIngester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Extract each FILE and load it into the configured graph database. A directory stands for",
                "every file under it (hidden ones aside), in path order; @LIST reads the arguments from the file LIST.",
                "Prints one line per file (ok: N tasks (key) / duplicate of key / failed: reason);",
                "a document already in the graph (same content or doc number) is a duplicate and is not rewritten;",
                "files are loaded policygraph.ingest.batch-size at a time, each batch in one transaction",
                "(a failing batch is retried file by file, so a bad file fails alone);",
                "exit 1 if any file failed."})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> arguments;

    @Option(names = "--replace", description = "a file whose document key is loaded replaces that document (unless its extraction is the same)")
    boolean replace;

    private final DocumentIngester ingester;
    private final PrintStream out;
    private final PrintStream err;

    public IngestCommand(DocumentIngester ingester, PrintStream out, PrintStream err) {
        this.ingester = ingester;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        List<Path> expanded;
        try {
            expanded = expand(arguments);
        } catch (IOException | UncheckedIOException e) {
            err.println("ingest: cannot list the files: " + e.getMessage());
            return 1;
        }
        List<Path> files = expanded;
        boolean progress = files.size() > 1;
        int[] failed = {0};
        if (progress) {
            err.print("\r" + progressBar(0, files.size()));
            err.flush();
        }
        ingester.ingestAll(files.stream().map(DocumentIngester.Input::of).toList(),
                replace ? DocumentIngester.Mode.REPLACE : DocumentIngester.Mode.SKIP_LOADED, batch -> {
            if (progress) {
                err.print("\r\033[K");
            }
            for (int i = 0; i < batch.outcomes().size(); i++) {
                DocumentIngester.Outcome outcome = batch.outcomes().get(i);
                if (!outcome.ok()) {
                    failed[0]++;
                }
                out.println(files.get(batch.from() + i) + ": " + outcome.result());
            }
            out.flush();
            if (progress) {
                int done = batch.from() + batch.outcomes().size();
                err.print("\r" + progressBar(done, files.size()));
                err.flush();
            }
        }, linking -> {
            if (progress) {
                err.print("\r\033[K" + progressBar(linking.linked(), linking.total()) + " linked");
                err.flush();
            }
        });
        if (progress) {
            err.println("\r\033[K" + progressBar(files.size(), files.size()) + " " + (files.size() - failed[0])
                    + " ok, " + failed[0] + " failed");
        }
        return failed[0] == 0 ? 0 : 1;
    }

    /** The files themselves, and for each directory the regular files under it that are not hidden, sorted. */
    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                files.add(argument);
                continue;
            }
            try (Stream<Path> under = Files.walk(argument)) {
                under.filter(Files::isRegularFile)
                        .filter(file -> !isHidden(argument.relativize(file)))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String progressBar(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total;
    }
}
