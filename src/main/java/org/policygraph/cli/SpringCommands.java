package org.policygraph.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.policygraph.analyst.CypherRunner;
import org.policygraph.corpus.CorpusLifecycle;
import org.policygraph.corpus.DocumentIngester;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Commands that need the database: Spring starts without the web server and without the sample
 * ingest, runs the command from a {@link CommandLineRunner} and exits with its code.
 * Spring properties may be given as {@code --name.with.dots=value} anywhere on the line.
 */
@Component
@ConditionalOnBooleanProperty(SpringCommands.ENABLED)
public class SpringCommands implements CommandLineRunner, ExitCodeGenerator {

    static final String ENABLED = "policygraph.cli.enabled";
    static final Set<String> COMMANDS = Set.of("ingest", "cypher", "documents", "delete", "reextract");

    private final DocumentIngester ingester;
    private final CorpusLifecycle corpus;
    private final CypherRunner cypher;
    private int exitCode;

    public SpringCommands(DocumentIngester ingester, CorpusLifecycle corpus, CypherRunner cypher) {
        this.ingester = ingester;
        this.corpus = corpus;
        this.cypher = cypher;
    }

    public static boolean isSpringBacked(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Starts the application for the command in {@code args} and returns the exit code. */
    public static int launch(Class<?> application, String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .run(springArgs(args));
        return SpringApplication.exit(context);
    }

    /**
     * The command line with the settings every command needs. They are passed as arguments, not as
     * default properties, so that application.yml (e.g. samples-on-empty: true) cannot override them.
     */
    static String[] springArgs(String[] args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--" + ENABLED + "=true");
        all.add("--policygraph.ingest.samples-on-empty=false");
        return all.toArray(String[]::new);
    }

    @Override
    public void run(String... args) {
        PrintStream out = utf8(System.out);
        PrintStream err = utf8(System.err);
        CommandLine cli = new CommandLine(new Root())
                .addSubcommand(new IngestCommand(ingester, out, err))
                .addSubcommand(new CorpusCommands.ListDocuments(corpus, out))
                .addSubcommand(new CorpusCommands.Delete(corpus, out))
                .addSubcommand(new CorpusCommands.Reextract(corpus, out, err))
                .addSubcommand(new CypherCommand(cypher, out, err))
                .setCaseInsensitiveEnumValuesAllowed(true);
        exitCode = cli.execute(commandArgs(args));
    }

    /** Chinese text is written as UTF-8 whatever the platform's default charset (bytes pass through {@code stream}). */
    private static PrintStream utf8(PrintStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    /** The arguments meant for picocli: Spring's {@code --a.b=c} property arguments removed. */
    static String[] commandArgs(String[] args) {
        List<String> kept = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            boolean springProperty = arg.startsWith("--") && eq > 2 && arg.substring(2, eq).contains(".");
            if (!springProperty) {
                kept.add(arg);
            }
        }
        return kept.toArray(String[]::new);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @CommandLine.Command(name = "policygraph", mixinStandardHelpOptions = true,
            description = "PolicyGraph commands that use the graph database.")
    static final class Root {}
}
