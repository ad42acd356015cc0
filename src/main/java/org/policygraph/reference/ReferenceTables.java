package org.policygraph.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tables under classpath:/reference/. The tab-separated ones ({@link #read}) have '#'
 * comment lines (each table names its source, licence and vintage there); the comma-separated ones
 * ({@link #readCsv}) are third-party files copied unchanged, with a header row and a README beside
 * them. Blank lines are skipped in both.
 */
public final class ReferenceTables {

    private static final String COMMENT = "#";
    private static final String TAB = "\t";
    private static final String COMMA = ",";
    private static final String QUOTE = "\"";

    private ReferenceTables() {}

    /** Rows of the tab-separated table as its columns (at least {@code columns} of them). */
    public static List<String[]> read(String resource, int columns) {
        return rows(resource, columns, false);
    }

    /**
     * Rows of a comma-separated table after its header row, quotes removed from the cells: the
     * division tables, which quote their names and have no commas inside a cell.
     */
    public static List<String[]> readCsv(String resource, int columns) {
        return rows(resource, columns, true);
    }

    /** The "|"-separated values of one cell, blanks dropped. */
    public static List<String> values(String cell) {
        List<String> values = new ArrayList<>();
        for (String value : cell.split("\\|")) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    private static List<String[]> rows(String resource, int columns, boolean csv) {
        InputStream in = ReferenceTables.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing reference table " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (csv) {
                reader.readLine();
            }
            String line;
            int number = csv ? 1 : 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || (!csv && line.startsWith(COMMENT))) {
                    continue;
                }
                String[] cells = line.split(csv ? COMMA : TAB, -1);
                if (cells.length < columns) {
                    throw new IllegalStateException(resource + ":" + number + ": expected " + columns + " columns");
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = csv ? cells[i].strip().replace(QUOTE, "") : cells[i].strip();
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
