package org.policygraph.ask;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph's own words, against which questions are read: department names as printed, institutions
 * with the division they lie in, the other names a department goes by (市卫健委 for 市卫生健康委),
 * the regions the documents come from, the departments a bare function word names (卫健委: every
 * 卫生健康委 of the graph), and the reform themes: their trigger terms and their names.
 */
public record Vocabulary(Map<String, List<String>> departmentForms, List<Institution> institutions,
                         List<String> documentRegionCodes, Map<String, List<String>> departmentsByFunctionWord,
                         Set<String> themeTerms, Set<String> themeNames) {

    public Vocabulary(Map<String, List<String>> departmentForms, List<Institution> institutions,
                      List<String> documentRegionCodes) {
        this(departmentForms, institutions, documentRegionCodes, Map.of(), Set.of(), Set.of());
    }

    public record Institution(String name, String regionCode) {}
}
