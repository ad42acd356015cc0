package org.policygraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.policygraph.analyst.CypherQueryException;
import org.policygraph.analyst.CypherResult;
import org.policygraph.analyst.CypherRunner;
import org.policygraph.analyst.SavedQuery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "cypher", mixinStandardHelpOptions = true,
        description = {"Run one read-only Cypher query against the configured graph database and print the result.",
                "A saved FILE's '// params:' defaults apply; -p overrides them. Exit 1 if the query is refused,",
                "times out (policygraph.analyst.timeout) or fails."})
final class CypherCommand implements Callable<Integer> {

    enum Format { TABLE, CSV, JSON }

    static final class Source {
        @Option(names = {"-e", "--execute"}, paramLabel = "QUERY", description = "the query text")
        String query;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "a .cypher file (e.g. cypher/queries/*.cypher)")
        Path file;
    }

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "a parameter; integers, decimals, true, false and null are typed, anything else is a string"
                    + " (quote it to keep 2022 a string: -p 'year=\"2022\"')")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "output format (default: ${DEFAULT-VALUE})")
    Format format;

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+([eE]-?\\d+)?");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final CypherRunner runner;
    private final PrintStream out;
    private final PrintStream err;

    CypherCommand(CypherRunner runner, PrintStream out, PrintStream err) {
        this.runner = runner;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            Map<String, Object> params = new LinkedHashMap<>();
            String query;
            if (source.file != null) {
                SavedQuery saved = SavedQuery.read(source.file);
                params.putAll(saved.defaultParameters(runner));
                query = saved.query();
            } else {
                query = source.query;
            }
            parameters.forEach((name, value) -> params.put(name, typed(value)));
            CypherResult result = runner.run(query, params);
            print(result);
            out.flush();
            return 0;
        } catch (CypherQueryException e) {
            err.println("cypher: " + e.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
            return 1;
        } catch (java.io.UncheckedIOException e) {
            err.println("cypher: " + e.getMessage());
            return 1;
        }
    }

    /** A -p value as the parameter the query receives. */
    static Object typed(String value) {
        String v = value.strip();
        if (INTEGER.matcher(v).matches()) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (DECIMAL.matcher(v).matches()) {
            return Double.parseDouble(v);
        }
        switch (v) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            case "null": return null;
            default: break;
        }
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return value;
    }

    private void print(CypherResult result) {
        switch (format) {
            case JSON -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("columns", result.columns());
                json.put("rows", result.rows());
                json.put("truncated", result.truncated());
                out.println(JSON.writeValueAsString(json));
            }
            case CSV -> {
                out.print(csvLine(result.columns()));
                for (List<Object> row : result.rows()) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(v -> cells.add(cell(v)));
                    out.print(csvLine(cells));
                }
            }
            case TABLE -> {
                out.print(TextTable.render(result.columns(), result.rows().stream()
                        .map(row -> row.stream().map(CypherCommand::cell).toList()).toList()));
                out.println("(" + result.rows().size() + " rows" + (result.truncated()
                        ? ", truncated at policygraph.analyst.max-rows=" + runner.maxRows() : "") + ")");
            }
        }
        if (result.truncated() && format != Format.TABLE) {
            err.println("cypher: truncated at policygraph.analyst.max-rows=" + runner.maxRows());
        }
    }

    /** A value as text: strings as they are, null as empty, anything else (lists, maps, nodes) as JSON. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return JsonMapper.builder().build().writeValueAsString(value);
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
    static String csvLine(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            quoted.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", quoted) + "\r\n";
    }
}
