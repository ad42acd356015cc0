package org.policygraph.extract.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.reference.ReferenceTables;

/**
 * The one reader of reference/divisions/ (provinces.csv, cities.csv, areas.csv; source, licence and
 * vintage in the README beside them): the divisions with their six-digit NBS codes, each parent
 * before its children. The gazetteer and the graph's Region nodes are both built from these rows.
 */
public final class DivisionTable {

    /**
     * One division as the tables list it. {@code parentCode} is null for a province; a county whose
     * city row is a placeholder (市辖区, 省直辖县级行政区划 …) has the province as its parent.
     */
    public record Row(String code, String name, Level level, String parentCode, String provinceCode) {

        /**
         * A statistical-only unit (兰州新区, development zones): NBS numbers them 71–79 within a city
         * and GB/T 2260 has no code for them. 81–99 are county-level cities (玉门市 620981), official.
         */
        public boolean statistical() {
            int countyDigits = Integer.parseInt(code.substring(CITY_DIGITS));
            return countyDigits >= FIRST_STATISTICAL_ZONE && countyDigits <= LAST_STATISTICAL_ZONE;
        }
    }

    static final String DIRECTORY = "/reference/divisions/";
    static final int FIRST_STATISTICAL_ZONE = 71;
    static final int LAST_STATISTICAL_ZONE = 79;

    /** cities.csv rows that are not divisions: their areas belong directly to the province. */
    static final Set<String> PLACEHOLDER_CITY_NAMES = Set.of("市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划", "县");

    private static final int CITY_DIGITS = 4;
    private static final String PROVINCE_PADDING = "0000";
    private static final String CITY_PADDING = "00";

    private static final class Cached {
        static final List<Row> ROWS = List.copyOf(readClasspathTables());
    }

    private DivisionTable() {}

    /** Provinces, then cities, then counties and statistical zones, in table order; read once. */
    public static List<Row> rows() {
        return Cached.ROWS;
    }

    private static List<Row> readClasspathTables() {
        List<Row> rows = new ArrayList<>();
        Map<String, String> provinceCodes = new HashMap<>();
        for (String[] province : ReferenceTables.readCsv(DIRECTORY + "provinces.csv", 2)) {
            String code = province[0] + PROVINCE_PADDING;
            provinceCodes.put(province[0], code);
            rows.add(new Row(code, province[1], Level.PROVINCE, null, code));
        }
        Map<String, String> cityCodes = new HashMap<>();
        for (String[] city : ReferenceTables.readCsv(DIRECTORY + "cities.csv", 3)) {
            String provinceCode = required(provinceCodes, city[2]);
            if (PLACEHOLDER_CITY_NAMES.contains(city[1])) {
                continue;
            }
            String code = city[0] + CITY_PADDING;
            cityCodes.put(city[0], code);
            rows.add(new Row(code, city[1], Level.CITY, provinceCode, provinceCode));
        }
        for (String[] area : ReferenceTables.readCsv(DIRECTORY + "areas.csv", 4)) {
            String provinceCode = required(provinceCodes, area[3]);
            String parentCode = cityCodes.getOrDefault(area[2], provinceCode);
            if (area[0].equals(parentCode)) {
                continue; // 东莞市 441900, 中山市, 儋州市: cities without counties list themselves as their only area
            }
            rows.add(new Row(area[0], area[1], Level.COUNTY, parentCode, provinceCode));
        }
        return rows;
    }

    private static String required(Map<String, String> codes, String shortCode) {
        String code = codes.get(shortCode);
        if (code == null) {
            throw new IllegalStateException(DIRECTORY + ": unknown province code " + shortCode);
        }
        return code;
    }
}
