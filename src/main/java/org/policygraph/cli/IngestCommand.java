package org.policygraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policygraph.corpus.DocumentIngester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Extract each FILE and load it into the configured graph database.",
                "Prints one line per file (ok: N tasks (key) / duplicate of key / failed: reason);",
                "a document already in the graph (same content or doc number) is a duplicate and is not rewritten;",
                "files are loaded policygraph.ingest.batch-size at a time, each batch in one transaction",
                "(a failing batch is retried file by file, so a bad file fails alone);",
                "exit 1 if any file failed."})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

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
        });
        if (progress) {
            err.println("\r\033[K" + progressBar(files.size(), files.size()) + " " + (files.size() - failed[0])
                    + " ok, " + failed[0] + " failed");
        }
        return failed[0] == 0 ? 0 : 1;
    }

    static String progressBar(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total;
    }
}
