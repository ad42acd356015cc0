package org.policygraph.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policygraph.corpus.CorpusLifecycle;
import org.policygraph.corpus.DocumentIngester;
import org.policygraph.graph.DocumentCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The corpus lifecycle on the command line: {@code documents}, {@code delete}, {@code reextract}. */
final class CorpusCommands {

    private CorpusCommands() {}

    @Command(name = "documents", mixinStandardHelpOptions = true,
            description = "List the loaded documents: key, tasks, indicators, format, extractor version, load time, file.")
    static final class ListDocuments implements Callable<Integer> {

        private final CorpusLifecycle corpus;
        private final PrintStream out;

        ListDocuments(CorpusLifecycle corpus, PrintStream out) {
            this.corpus = corpus;
            this.out = out;
        }

        @Override
        public Integer call() {
            List<List<String>> rows = new ArrayList<>();
            for (DocumentCatalog.Entry entry : corpus.list()) {
                rows.add(List.of(entry.key(), String.valueOf(entry.tasks()), String.valueOf(entry.indicators()),
                        text(entry.format()), text(entry.extractorVersion()), text(entry.loadedAt()),
                        text(entry.sourceName())));
            }
            out.print(TextTable.render(List.of("key", "tasks", "indicators", "format", "extractor", "loaded at", "file"),
                    rows));
            out.println(rows.size() + " documents");
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete loaded documents by key: their tasks, sections, pilots, indicators and text;",
                    "departments, programmes and institutions no other document uses; their originals when no other",
                    "document has them. A document other documents cite stays as a citation stub.",
                    "Exit 1 if a key is not loaded."})
    static final class Delete implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "KEY", description = "document key, e.g. 甘政办发〔2022〕84号")
        List<String> keys;

        private final CorpusLifecycle corpus;
        private final PrintStream out;

        Delete(CorpusLifecycle corpus, PrintStream out) {
            this.corpus = corpus;
            this.out = out;
        }

        @Override
        public Integer call() {
            int missing = 0;
            for (String key : keys) {
                DocumentCatalog.Deletion deletion = corpus.delete(key);
                if (!deletion.found()) {
                    missing++;
                    out.println(key + ": not loaded");
                } else {
                    out.println(key + ": deleted" + (deletion.keptAsStub() ? " (kept as a citation stub: other documents cite it)" : "")
                            + (deletion.lowerDocuments().isEmpty() ? "" : "; alignment of " + deletion.lowerDocuments().size()
                                    + " documents recomputed"));
                }
            }
            return missing == 0 ? 0 : 1;
        }
    }

    @Command(name = "reextract", mixinStandardHelpOptions = true,
            description = {"Extract loaded documents again from their stored originals with this version's extractor;",
                    "a document whose extraction changed is replaced, the others are left alone (unchanged).",
                    "Without KEY: every loaded document not yet extracted by this version (--force: all of them),",
                    "so a stopped run resumes. Exit 1 if any document failed."})
    static final class Reextract implements Callable<Integer> {

        @Parameters(arity = "0..*", paramLabel = "KEY", description = "document keys; none: every loaded document")
        List<String> keys = new ArrayList<>();

        @Option(names = "--force", description = "also documents already extracted by this version")
        boolean force;

        private final CorpusLifecycle corpus;
        private final PrintStream out;
        private final PrintStream err;

        Reextract(CorpusLifecycle corpus, PrintStream out, PrintStream err) {
            this.corpus = corpus;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            int[] done = {0};
            List<DocumentIngester.Outcome> outcomes = corpus.reextract(keys, force, batch -> {
                for (DocumentIngester.Outcome outcome : batch.outcomes()) {
                    out.println(outcome.line());
                }
                out.flush();
                done[0] += batch.outcomes().size();
                err.print("\r" + IngestCommand.progressBar(done[0], batch.total()) + " re-extracted");
                err.flush();
            }, linking -> {
                err.print("\r\033[K" + IngestCommand.progressBar(linking.linked(), linking.total()) + " linked");
                err.flush();
            });
            err.print("\r\033[K");
            long failed = outcomes.stream().filter(o -> !o.ok()).count();
            long changed = outcomes.stream().filter(o -> o.status() == DocumentIngester.Status.LOADED).count();
            out.println(outcomes.size() + " re-extracted: " + changed + " changed, "
                    + (outcomes.size() - changed - failed) + " unchanged, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
