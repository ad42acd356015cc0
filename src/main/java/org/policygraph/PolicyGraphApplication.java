package org.policygraph;

import org.policygraph.cli.Commands;
import org.policygraph.cli.SpringCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, three ways in: with no arguments it serves (web, GraphQL, Bolt); {@code extract} and
 * {@code evaluate} run without Spring or a database; {@code ingest} and {@code cypher} start Spring
 * without the web server and talk to the configured database.
 */
@SpringBootApplication
public class PolicyGraphApplication {
    public static void main(String[] args) {
        FatalErrors.exitOnUncaughtErrors();
        if (Commands.isStandalone(args)) {
            System.exit(Commands.runStandalone(args));
        }
        if (SpringCommands.isSpringBacked(args)) {
            System.exit(SpringCommands.launch(PolicyGraphApplication.class, args));
        }
        SpringApplication.run(PolicyGraphApplication.class, args);
    }
}
