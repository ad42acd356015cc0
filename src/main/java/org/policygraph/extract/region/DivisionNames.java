package org.policygraph.extract.region;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.reference.ReferenceTables;

/**
 * Generates the short forms of a division's full name by rule: strip the administrative suffix and,
 * for autonomous units, the ethnic-group words before 自治.
 */
final class DivisionNames {

    /** Short forms shorter than this are never generated (成县 must not yield 成). */
    static final int MIN_SHORT_FORM_LENGTH = 2;

    static final String ETHNIC_GROUPS_TABLE = "/reference/ethnic-groups.tsv";

    /** The 56 officially recognised ethnic groups, without the trailing 族 (GB/T 3304, see the table). */
    static final List<String> ETHNIC_GROUPS = ReferenceTables.read(ETHNIC_GROUPS_TABLE, 2).stream()
            .map(row -> row[1])
            .toList();

    /** 龙胜各族自治县, 隆林各族自治县: "all ethnic groups" stands where a group name would. */
    private static final String ALL_ETHNIC_GROUPS = "各族";

    /**
     * stem + one or more ethnic-group words (族 optional: 博尔塔拉蒙古自治州) + 自治 + unit. The stem is
     * reluctant but at least two characters, so 积石山保安族东乡族撒拉族自治县 splits after 积石山, and
     * 内蒙古自治区 / 西藏自治区 do not match at all (their whole prefix is the stem).
     */
    private static final Pattern AUTONOMOUS_WITH_ETHNIC_WORDS = Pattern.compile(
            "^(.{" + MIN_SHORT_FORM_LENGTH + ",}?)(?:(?:" + longestFirstAlternation(ETHNIC_GROUPS) + ")族?|" + ALL_ETHNIC_GROUPS
                    + ")+自治([州县旗区])$");

    private static final Pattern AUTONOMOUS = Pattern.compile("^(.+?)族?自治([州县旗区])$");

    /**
     * Checked in order. The two-character suffixes beyond the basic list (新区, 林区, 特区, 矿区) keep
     * 浦东新区 → 浦东 and 神农架林区 → 神农架; when stripping one leaves fewer than two characters
     * (清新区, 碑林区) only the last character is stripped instead.
     */
    private static final List<String> COMPOUND_SUFFIXES = List.of("地区", "新区", "林区", "特区", "矿区");
    private static final String SINGLE_CHAR_SUFFIXES = "省市区县盟旗";

    private DivisionNames() {}

    /** Short forms of {@code fullName}, most specific first; never the full name itself. */
    static List<String> shortForms(String fullName) {
        Set<String> forms = new LinkedHashSet<>();
        Matcher autonomous = AUTONOMOUS_WITH_ETHNIC_WORDS.matcher(fullName);
        if (!autonomous.matches()) {
            // 东乡族自治县, 鄂温克族自治旗, 内蒙古自治区: the ethnic name (or the whole prefix) is the stem.
            autonomous = AUTONOMOUS.matcher(fullName);
        }
        if (autonomous.matches()) {
            String stem = autonomous.group(1);
            String unit = autonomous.group(2);
            if (!unit.equals("区")) {
                forms.add(stem + unit); // 甘南州, 积石山县, 鄂温克旗; an autonomous region has no such form
            }
            forms.add(stem);
        } else {
            forms.add(stripAdministrativeSuffix(fullName));
        }
        List<String> result = new ArrayList<>();
        for (String form : forms) {
            if (form.length() >= MIN_SHORT_FORM_LENGTH && !form.equals(fullName)) {
                result.add(form);
            }
        }
        return result;
    }

    private static String stripAdministrativeSuffix(String fullName) {
        for (String suffix : COMPOUND_SUFFIXES) {
            if (fullName.endsWith(suffix) && fullName.length() - suffix.length() >= MIN_SHORT_FORM_LENGTH) {
                return fullName.substring(0, fullName.length() - suffix.length());
            }
        }
        if (SINGLE_CHAR_SUFFIXES.indexOf(fullName.charAt(fullName.length() - 1)) >= 0) {
            return fullName.substring(0, fullName.length() - 1);
        }
        return fullName;
    }

    private static String longestFirstAlternation(List<String> words) {
        return words.stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b)
                .orElseThrow();
    }
}
