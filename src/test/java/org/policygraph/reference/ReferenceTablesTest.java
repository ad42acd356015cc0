package org.policygraph.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReferenceTablesTest {

    private static final List<String> PROVENANCE = List.of("source", "licence", "vintage");

    /** Every tab-separated table says where it comes from, under what licence and how current it is. */
    @Test
    void everyTableNamesItsSourceLicenceAndVintage() throws IOException, URISyntaxException {
        Path directory = Path.of(ReferenceTables.class.getResource("/reference/").toURI());
        List<Path> tables;
        try (Stream<Path> files = Files.list(directory)) {
            tables = files.filter(file -> file.toString().endsWith(".tsv")).toList();
        }
        assertThat(tables).isNotEmpty();
        for (Path table : tables) {
            String header = String.join("\n", Files.readAllLines(table).stream()
                    .takeWhile(line -> line.startsWith("#")).toList()).toLowerCase(Locale.ROOT);
            assertThat(header).as(table.getFileName().toString()).contains(PROVENANCE);
        }
        String divisions = Files.readString(directory.resolve("divisions/README.md")).toLowerCase(Locale.ROOT);
        assertThat(divisions).contains(PROVENANCE);
    }

    @Test
    void copiedCsvFilesLoseTheirHeaderAndQuotes() {
        List<String[]> provinces = ReferenceTables.readCsv("/reference/divisions/provinces.csv", 2);
        assertThat(provinces.get(0)).containsExactly("11", "北京市");
    }

    @Test
    void tabSeparatedTablesSkipTheirComments() {
        assertThat(ReferenceTables.read("/reference/ethnic-groups.tsv", 2)).hasSize(56)
                .allMatch(row -> !row[0].startsWith("#"));
    }
}
