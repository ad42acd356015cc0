package org.policygraph.api;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Regions and the administrative hierarchy (PART_OF). */
@Controller
class RegionController {

    /** The schema's RegionWhere input. */
    record RegionWhere(String name, String code, String level, String parent, String within, Boolean mentioned) {}

    private static final Map<String, String> SORT_FIELDS = Map.of("NAME", "r.name");

    private final ReadQueries queries;
    private final Pages pages;
    private final RegionNames regionNames;

    RegionController(ReadQueries queries, Pages pages, RegionNames regionNames) {
        this.queries = queries;
        this.pages = pages;
        this.regionNames = regionNames;
    }

    @QueryMapping
    Connection<Region> regions(@Argument RegionWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Pages.PageRequest page = pages.request(first, after);
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

    @QueryMapping
    Region region(@Argument String code) {
        return queries.list("MATCH (r:Region {code: $code}) RETURN r {.*} AS node", Map.of("code", code)).stream()
                .map(r -> Region.of(r.get("node"))).findFirst().orElse(null);
    }

    @BatchMapping
    Map<Region, Region> parent(List<Region> regions) {
        return queries.one(regions, Region::code, """
                UNWIND $keys AS key
                MATCH (:Region {code: key})-[:PART_OF]->(p:Region)
                RETURN key, p {.*} AS node
                """, r -> Region.of(r.get("node")));
    }

    @BatchMapping
    Map<Region, List<Region>> children(List<Region> regions) {
        return queries.many(regions, Region::code, """
                UNWIND $keys AS key
                MATCH (c:Region)-[:PART_OF]->(:Region {code: key})
                RETURN key, c {.*} AS node
                ORDER BY c.code
                """, r -> Region.of(r.get("node")));
    }

    @BatchMapping
    Map<Region, List<Institution>> institutions(List<Region> regions) {
        return queries.many(regions, Region::code, """
                UNWIND $keys AS key
                MATCH (i:Institution)-[:LOCATED_IN]->(:Region {code: key})
                RETURN key, i {.*} AS node
                ORDER BY i.key
                """, r -> Institution.of(r.get("node")));
    }
}
