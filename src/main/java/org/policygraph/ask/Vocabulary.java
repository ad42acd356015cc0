package org.policygraph.ask;

import java.util.List;
import java.util.Map;

/**
 * The graph's own words, against which questions are read: department names as printed, institutions
 * with the division they lie in, and aliases of department functions (卫健委 → 卫生健康委).
 */
public record Vocabulary(List<String> departmentNames, List<Institution> institutions, Map<String, String> functionAliases,
                         List<String> documentRegionCodes) {

    public record Institution(String name, String regionCode) {}
}
