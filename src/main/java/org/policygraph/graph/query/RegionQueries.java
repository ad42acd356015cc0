package org.policygraph.graph.query;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Regions and the administrative hierarchy (PART_OF) (see {@link TaskQueries} for the arguments). */
@Component
public class RegionQueries {

    /** The schema's RegionWhere input. */
    public record RegionWhere(String name, String code, String level, String parent, String within,
            Boolean mentioned) {}

    private static final Map<String, String> SORT_FIELDS = Map.of("NAME", "r.name");

    private final ReadQueries queries;
    private final RegionNames regionNames;

    RegionQueries(ReadQueries queries, RegionNames regionNames) {
        this.queries = queries;
        this.regionNames = regionNames;
    }

    public Connection<Region> regions(RegionWhere where, List<Sort> sort, Pages.PageRequest page,
            Selection selection, Prefetch prefetch) {
        Filter filter = new Filter();
        if (where != null) {
            filter.when(regionNames.codes(where.name()), "name", "r.code IN $name")
                    .when(where.code(), "code", "r.code = $code")
                    .when(where.level(), "level", "r.level = $level")
                    .when(regionNames.codes(where.parent()), "parent",
                            "EXISTS { MATCH (r)-[:PART_OF]->(up:Region) WHERE up.code IN $parent }")
                    .when(regionNames.codes(where.within()), "within", Filter.inside("(r)-[:PART_OF]->(:Region)", "within"))
                    .when(where.mentioned(), "mentioned",
                            "EXISTS { MATCH (r)<-[:MENTIONS|AT_SITE]-() } = $mentioned");
        }
        String orderBy = ListStatement.orderBy(sort, SORT_FIELDS, "r.code", "r.code");
        return queries.connection(new ListStatement("MATCH (r:Region)", filter, "r", orderBy), page,
                "Region", Region::of, selection, prefetch);
    }

    /** The region with this code, or null, with what {@code selection} asks of it (see {@link TaskQueries}). */
    public Region region(String code, Selection selection, Prefetch prefetch) {
        return queries.node("MATCH (r:Region {code: $code})", "r", Map.of("code", code), "Region", Region::of,
                selection, prefetch);
    }

    public Map<Region, Region> parent(List<Region> regions) {
        return queries.one(regions, Region::code, Relations.REGION_PARENT);
    }

    public Map<Region, List<Region>> children(List<Region> regions) {
        return queries.many(regions, Region::code, Relations.REGION_CHILDREN);
    }

    public Map<Region, List<Institution>> institutions(List<Region> regions) {
        return queries.many(regions, Region::code, Relations.REGION_INSTITUTIONS);
    }
}
