package org.policygraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policygraph.graph.DocumentIngester;
import picocli.CommandLine.Command;
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
        int batchSize = ingester.batchSize();
        for (int from = 0; from < files.size(); from += batchSize) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + batchSize));
            if (progress) {
                err.print("\r" + progressBar(from, files.size()) + " " + batch.get(0).getFileName());
                err.flush();
            }
            // Files that cannot be read fail here; the others are extracted and loaded as one batch.
            DocumentIngester.Outcome[] outcomes = new DocumentIngester.Outcome[batch.size()];
            List<DocumentIngester.Input> inputs = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Path file = batch.get(i);
                try {
                    inputs.add(new DocumentIngester.Input(file.getFileName().toString(), Files.readAllBytes(file)));
                    positions.add(i);
                } catch (IOException e) {
                    outcomes[i] = DocumentIngester.Outcome.failed(file.getFileName().toString(), "cannot read: " + e);
                }
            }
            List<DocumentIngester.Outcome> ingested = inputs.isEmpty() ? List.of() : ingester.ingestBatch(inputs);
            for (int k = 0; k < ingested.size(); k++) {
                outcomes[positions.get(k)] = ingested.get(k);
            }
            if (progress) {
                err.print("\r\033[K");
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!outcomes[i].ok()) {
                    failed++;
                }
                out.println(batch.get(i) + ": " + outcomes[i].result());
            }
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
