package org.policygraph.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved {@code .cypher} file (cypher/queries/): header comments, one of which may be
 * {@code // params: {name: value, ...}} – a Cypher map literal of default parameters, the same text
 * Neo4j Browser takes after {@code :params} – and one query.
 *
 * @param name the file name without {@code .cypher}
 * @param query the query to run: the file's text without a trailing {@code ;}
 * @param parametersLiteral the map literal after {@code // params:}, or null when there is none
 */
public record SavedQuery(String name, String query, String parametersLiteral) {

    static final String EXTENSION = ".cypher";
    private static final Pattern PARAMS = Pattern.compile("(?m)^\\s*//\\s*params:\\s*(\\{.*})\\s*$");
    private static final Pattern TRAILING_SEMICOLON = Pattern.compile(";\\s*\\z");

    public static SavedQuery read(Path file) {
        try {
            String fileName = file.getFileName().toString();
            String name = fileName.endsWith(EXTENSION)
                    ? fileName.substring(0, fileName.length() - EXTENSION.length())
                    : fileName;
            return parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static SavedQuery parse(String name, String text) {
        Matcher params = PARAMS.matcher(text);
        String literal = params.find() ? params.group(1).strip() : null;
        return new SavedQuery(name, TRAILING_SEMICOLON.matcher(text.strip()).replaceAll(""), literal);
    }

    /** The default parameters, evaluated by the database as a Cypher map literal; empty when there are none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> defaultParameters(CypherRunner runner) {
        if (parametersLiteral == null) {
            return Map.of();
        }
        CypherResult result;
        try {
            result = runner.run("RETURN " + parametersLiteral + " AS params", Map.of());
        } catch (CypherQueryException e) {
            throw new CypherQueryException(e.reason(),
                    name + ": the '// params:' line is not a Cypher map literal: " + e.getMessage(), e);
        }
        List<Object> row = result.rows().get(0);
        if (!(row.get(0) instanceof Map<?, ?> map)) {
            throw new CypherQueryException(CypherQueryException.Reason.FAILED,
                    name + ": the '// params:' line is not a map: " + parametersLiteral, null);
        }
        return (Map<String, Object>) map;
    }
}
