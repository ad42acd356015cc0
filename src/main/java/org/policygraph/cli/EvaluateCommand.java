package org.policygraph.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policygraph.evaluate.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score PRED_DIR/<name>.json against every GOLD_DIR/*.json, as shared/extraction/score.py does.")
final class EvaluateCommand implements Callable<Integer> {

    static final String USAGE = """
            usage: java -jar policygraph.jar evaluate GOLD_DIR PRED_DIR [--verbose]
            Every GOLD_DIR/*.json is compared with PRED_DIR/<same name>; a missing prediction scores zero.""";

    @Parameters(paramLabel = "GOLD_DIR PRED_DIR", description = "gold directory, then prediction directory")
    List<String> dirs = List.of();

    @Option(names = "--verbose", description = "list each task's missed and extra items")
    boolean verbose;

    @Override
    public Integer call() {
        if (dirs.size() != 2) {
            System.err.println(USAGE);
            return 2;
        }
        // score.py writes UTF-8 whatever the locale; so do we.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try {
            Scorer.score(Path.of(dirs.get(0)), Path.of(dirs.get(1)), verbose, line -> out.print(line + "\n"));
            return 0;
        } catch (Scorer.NoGoldFilesException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }
}
