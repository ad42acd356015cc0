package org.policygraph.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policygraph.extract.region.LevelWords;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.reference.ReferenceTables;

/**
 * The canonical government function of a department name, so that the same function can be followed
 * across levels: 国家卫生健康委, 省卫生健康委 and 白银市卫生健康委 are all 卫生健康委.
 *
 * <p>The name is matched against the aliases of reference/department-functions.tsv; while it does
 * not match, one level or region prefix is removed (a division name such as 甘肃 or 白银市, a level
 * word such as 省 or 自治州, or 各 / 地方) and the remainder is tried again. Checking the aliases
 * before each removal keeps names that merely start like a prefix intact (市场监管局, 公安厅 — 公安
 * is also a county). A name that never matches keeps its own name, without leading level words, as
 * its function: division-name stripping is only trusted when it leads to a known function (解放军…
 * starts with the short form of 解放区).
 */
public final class DepartmentFunctions {

    static final String TABLE = "/reference/department-functions.tsv";

    /** Level words and collective prefixes, longest first so that 自治州 wins over 州. */
    private static final List<String> LEVEL_PREFIXES = LevelWords.departmentPrefixes();

    /** A remainder shorter than this is not a department name, so the prefix is kept. */
    private static final int MIN_REMAINDER = 2;

    /** Division names longer than this are not tried as prefixes (the longest are autonomous prefectures). */
    private static final int MAX_DIVISION_PREFIX = 12;

    private static final class Standard {
        static final DepartmentFunctions INSTANCE = new DepartmentFunctions(readTable(), RegionGazetteer.load());
    }

    private final Map<String, String> functionByAlias;
    private final RegionGazetteer gazetteer;

    DepartmentFunctions(Map<String, String> functionByAlias, RegionGazetteer gazetteer) {
        this.functionByAlias = Map.copyOf(functionByAlias);
        this.gazetteer = gazetteer;
    }

    /** The table bundled with the application, read once. */
    public static DepartmentFunctions standard() {
        return Standard.INSTANCE;
    }

    /**
     * Every alias of the table with its function (卫健委 → 卫生健康委): the names departments go by
     * without their level or region.
     */
    public Map<String, String> functionByAlias() {
        return functionByAlias;
    }

    /**
     * The names a reader may use for a department as printed: its function part replaced by each alias
     * of that function (市卫生健康委 → 市卫健委, 市卫生健康委员会 …). The printed name itself included.
     */
    public List<String> otherForms(String departmentName) {
        List<String> forms = new java.util.ArrayList<>(List.of(departmentName));
        String function = functionOf(departmentName);
        for (Map.Entry<String, String> alias : functionByAlias.entrySet()) {
            if (!alias.getValue().equals(function) || !departmentName.endsWith(alias.getKey())) continue;
            String prefix = departmentName.substring(0, departmentName.length() - alias.getKey().length());
            for (Map.Entry<String, String> other : functionByAlias.entrySet()) {
                if (other.getValue().equals(function) && !forms.contains(prefix + other.getKey())) {
                    forms.add(prefix + other.getKey());
                }
            }
        }
        return forms;
    }

    /** The canonical function of the department, or null for a blank name. */
    public String functionOf(String departmentName) {
        if (departmentName == null || departmentName.isBlank()) {
            return null;
        }
        String name = departmentName.strip();
        for (String rest = name; rest != null; rest = withoutPrefix(rest, true)) {
            String function = functionByAlias.get(rest);
            if (function != null) {
                return function;
            }
        }
        String rest = name;
        for (String shorter = withoutPrefix(rest, false); shorter != null; shorter = withoutPrefix(rest, false)) {
            rest = shorter;
        }
        return rest;
    }

    /** The name without its first level (or, when allowed, division-name) prefix; null when it has none. */
    private String withoutPrefix(String name, boolean divisionNames) {
        for (int length = Math.min(MAX_DIVISION_PREFIX, name.length() - MIN_REMAINDER);
                divisionNames && length >= MIN_REMAINDER; length--) {
            if (!gazetteer.lookup(name.substring(0, length)).isEmpty()) {
                return name.substring(length);
            }
        }
        for (String prefix : LEVEL_PREFIXES) {
            if (name.startsWith(prefix) && name.length() - prefix.length() >= MIN_REMAINDER) {
                return name.substring(prefix.length());
            }
        }
        return null;
    }

    private static Map<String, String> readTable() {
        Map<String, String> functionByAlias = new HashMap<>();
        for (String[] row : ReferenceTables.read(TABLE, 2)) {
            String function = row[0];
            functionByAlias.put(function, function);
            for (String alias : ReferenceTables.values(row[1])) {
                String previous = functionByAlias.put(alias, function);
                if (previous != null && !previous.equals(function)) {
                    throw new IllegalStateException(TABLE + ": alias " + alias + " of both " + previous + " and " + function);
                }
            }
        }
        return functionByAlias;
    }
}
