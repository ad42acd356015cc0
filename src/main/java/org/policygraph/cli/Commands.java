package org.policygraph.cli;

import java.util.Set;
import picocli.CommandLine;

/** Dispatch for the commands that need neither Spring nor a database. */
public final class Commands {

    private static final Set<String> STANDALONE = Set.of("extract", "evaluate");

    private Commands() {}

    public static boolean isStandalone(String[] args) {
        return args.length > 0 && STANDALONE.contains(args[0]);
    }

    public static int runStandalone(String[] args) {
        CommandLine cli = new CommandLine(new StandaloneCommands())
                .addSubcommand(new ExtractCommand())
                .addSubcommand(new EvaluateCommand());
        return cli.execute(args);
    }

    @CommandLine.Command(name = "policygraph", mixinStandardHelpOptions = true,
            description = "PolicyGraph: Chinese reform-policy documents as a graph.")
    static final class StandaloneCommands {}
}
