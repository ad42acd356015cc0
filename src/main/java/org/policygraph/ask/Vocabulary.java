package org.policygraph.ask;

import java.util.List;
import java.util.Map;

/**
 * The graph's own words, against which questions are read: department names as printed, institutions
 * with the division they lie in, the other names a department goes by (市卫健委 for 市卫生健康委),
 * and the regions the documents come from.
 */
public record Vocabulary(Map<String, List<String>> departmentForms, List<Institution> institutions,
                         List<String> documentRegionCodes) {

    public record Institution(String name, String regionCode) {}
}
