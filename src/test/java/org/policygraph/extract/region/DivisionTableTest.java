package org.policygraph.extract.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.extract.region.DivisionTable.Row;

class DivisionTableTest {

    private static final int PROVINCES = 31;

    private final List<Row> rows = DivisionTable.rows();

    @Test
    void readsAllThreeTables() {
        assertThat(rows.stream().filter(row -> row.level() == Level.PROVINCE)).hasSize(PROVINCES);
        assertThat(rows).anyMatch(row -> row.code().equals("620600") && row.level() == Level.CITY);
        assertThat(rows).anyMatch(row -> row.code().equals("620602") && row.parentCode().equals("620600"));
    }

    /** One row per code and each parent listed before its children: the graph merges on code in this order. */
    @Test
    void codesAreUniqueAndParentsComeFirst() {
        Set<String> seen = new HashSet<>();
        for (Row row : rows) {
            assertThat(row.parentCode() == null || seen.contains(row.parentCode())).as(row.toString()).isTrue();
            assertThat(seen.add(row.code())).as("duplicate " + row.code()).isTrue();
        }
    }

    /** Cities without counties list themselves as their own area; that row must not make them a county. */
    @Test
    void citiesWithoutCountiesStayCities() {
        for (String code : List.of("441900", "442000", "460400")) {
            assertThat(rows.stream().filter(row -> row.code().equals(code)))
                    .singleElement()
                    .extracting(Row::level)
                    .isEqualTo(Level.CITY);
        }
    }

    @Test
    void placeholderCitiesHandTheirCountiesToTheProvince() {
        Row dongcheng = rows.stream().filter(row -> row.code().equals("110101")).findFirst().orElseThrow();
        assertThat(dongcheng.parentCode()).isEqualTo("110000");
        assertThat(rows).noneMatch(row -> DivisionTable.PLACEHOLDER_CITY_NAMES.contains(row.name()));
    }

    /** README: NBS function zones are 71–79 within a city; 81–99 are county-level cities, official. */
    @Test
    void statisticalZonesAreTheSeventies() {
        assertThat(row("620171").statistical()).as("兰州新区").isTrue();
        assertThat(row("620981").statistical()).as("玉门市").isFalse();
        assertThat(row("620602").statistical()).isFalse();
        assertThat(rows).filteredOn(Row::statistical)
                .allMatch(row -> row.code().charAt(4) == '7' && row.code().charAt(5) != '0');
    }

    private Row row(String code) {
        return rows.stream().filter(row -> row.code().equals(code)).findFirst().orElseThrow();
    }
}
