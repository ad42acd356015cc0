package org.policygraph.graph.query;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
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

    private static final String REGION = "MATCH (r:Region {code: $code}) RETURN r {.*} AS node";

    private static final String PARENT = """
            UNWIND $keys AS key
            MATCH (:Region {code: key})-[:PART_OF]->(p:Region)
            RETURN key, p {.*} AS node
            """;

    private static final String CHILDREN = """
            UNWIND $keys AS key
            MATCH (c:Region)-[:PART_OF]->(:Region {code: key})
            RETURN key, c {.*} AS node
            ORDER BY c.code
            """;

    private static final String INSTITUTIONS = """
            UNWIND $keys AS key
            MATCH (i:Institution)-[:LOCATED_IN]->(:Region {code: key})
            RETURN key, i {.*} AS node
            ORDER BY i.key
            """;

    private final ReadQueries queries;
    private final RegionNames regionNames;

    RegionQueries(ReadQueries queries, RegionNames regionNames) {
        this.queries = queries;
        this.regionNames = regionNames;
    }

    public Connection<Region> regions(RegionWhere where, List<Sort> sort, Pages.PageRequest page,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
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
                "Region", Region::of, selection, context);
    }

    /** The region with this code, or null. */
    public Region region(String code) {
        return queries.list(REGION, Map.of("code", code)).stream()
                .map(r -> Region.of(r.get("node"))).findFirst().orElse(null);
    }

    public Map<Region, Region> parent(List<Region> regions) {
        return queries.one(regions, Region::code, PARENT, r -> Region.of(r.get("node")));
    }

    public Map<Region, List<Region>> children(List<Region> regions) {
        return queries.many(regions, Region::code, CHILDREN, r -> Region.of(r.get("node")));
    }

    public Map<Region, List<Institution>> institutions(List<Region> regions) {
        return queries.many(regions, Region::code, INSTITUTIONS, r -> Institution.of(r.get("node")));
    }
}
