package org.policygraph.graph.query;

import java.util.List;
import java.util.regex.Pattern;
import org.policygraph.extract.region.RegionGazetteer;
import org.springframework.stereotype.Component;

/**
 * Resolves the region a request names to division codes with the extractor's gazetteer, so a
 * filter accepts the name as documents write it: the full name (甘南藏族自治州), a short form
 * (甘南州, 甘南) or the code (623000). A name shared by several divisions matches all of them.
 */
@Component
public class RegionNames {

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final RegionGazetteer gazetteer = RegionGazetteer.load();

    /** The codes {@code nameOrCode} stands for; null for null, empty when it names no division. */
    public List<String> codes(String nameOrCode) {
        if (nameOrCode == null) {
            return null;
        }
        String value = nameOrCode.strip();
        if (CODE.matcher(value).matches()) {
            return List.of(value);
        }
        return gazetteer.lookup(value).stream().map(RegionGazetteer.Division::code)
                .filter(code -> code != null).distinct().toList();
    }
}
