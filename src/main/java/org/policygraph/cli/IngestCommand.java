package org.policygraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policygraph.graph.DocumentIngester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Extract each FILE and load it into the configured graph database.",
                "Prints one line per file (ok: N tasks (key) / duplicate of key / failed: reason);",
                "a document already in the graph (same content or doc number) is a duplicate and is not rewritten;",
                "exit 1 if any file failed."})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

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
        int failed = 0;
        boolean progress = files.size() > 1;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (progress) {
                err.print("\r" + progressBar(i, files.size()) + " " + file.getFileName());
                err.flush();
            }
            DocumentIngester.Outcome outcome;
            try {
                outcome = ingester.ingest(file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                outcome = DocumentIngester.Outcome.failed(file.getFileName().toString(), "cannot read: " + e);
            }
            if (!outcome.ok()) {
                failed++;
            }
            if (progress) {
                err.print("\r\033[K");
            }
            out.println(file + ": " + outcome.result());
            out.flush();
        }
        if (progress) {
            err.println(progressBar(files.size(), files.size()) + " " + (files.size() - failed) + " ok, "
                    + failed + " failed");
        }
        return failed == 0 ? 0 : 1;
    }

    static String progressBar(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total;
    }
}
