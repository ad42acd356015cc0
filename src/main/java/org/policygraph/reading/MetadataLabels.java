package org.policygraph.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of the metadata block that government web pages print above a document (索引号, 发文机关, 文号,
 * 成文日期, …). Pages space them out (索 引 号, 文 号) and use full- or half-width colons.
 */
final class MetadataLabels {

    /** Longer labels first where one ends another (发文字号 before 文号). */
    static final List<String> LABELS = List.of(
            "索引号", "发布机构", "发文机关", "发文字号", "文号", "成文日期", "发布日期", "主题分类", "组配分类",
            "体裁分类", "标题", "有效性", "时效性");

    private static final String GAP = "[\\s\\u00A0\\u3000]*";
    private static final Pattern GAPS = Pattern.compile(GAP);
    private static final String COLON = "[:：]";
    private static final String ANY_LABEL;

    static {
        List<String> spaced = new ArrayList<>();
        for (String label : LABELS) {
            spaced.add(String.join(GAP, label.split("")));
        }
        ANY_LABEL = "(" + String.join("|", spaced) + ")";
    }

    /** A label and its colon; group 1 is the label as printed. */
    static final Pattern WITH_COLON = Pattern.compile(ANY_LABEL + GAP + COLON);
    /** A label with or without its colon; group 1 is the label as printed. */
    static final Pattern WITH_OR_WITHOUT_COLON = Pattern.compile(ANY_LABEL + GAP + COLON + "?");

    private MetadataLabels() {}

    /** The label as listed in {@link #LABELS}, without the spaces a page put between its characters. */
    static String name(String printed) {
        return GAPS.matcher(printed).replaceAll("");
    }

    /**
     * A line of a metadata block holding several fields ({@code 索引号：… 主题分类：…}) as one line per field; a
     * line that does not start with a label is returned as it is.
     */
    static List<String> splitFields(String line) {
        Matcher label = WITH_COLON.matcher(line);
        if (!label.lookingAt()) {
            return List.of(line);
        }
        List<String> fields = new ArrayList<>();
        int start = 0;
        while (label.find(label.end())) {
            fields.add(line.substring(start, label.start()).strip());
            start = label.start();
        }
        fields.add(line.substring(start).strip());
        return fields;
    }
}
