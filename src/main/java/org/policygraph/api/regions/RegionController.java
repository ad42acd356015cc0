package org.policygraph.api.regions;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.policygraph.api.support.GraphRequests;
import org.policygraph.graph.query.Connection;
import org.policygraph.graph.query.Institution;
import org.policygraph.graph.query.Pages;
import org.policygraph.graph.query.Region;
import org.policygraph.graph.query.RegionQueries;
import org.policygraph.graph.query.RegionQueries.RegionWhere;
import org.policygraph.graph.query.Sort;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Regions and the administrative hierarchy (PART_OF). */
@Controller
class RegionController {

    private final RegionQueries queries;
    private final Pages pages;

    RegionController(RegionQueries queries, Pages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @QueryMapping
    Connection<Region> regions(@Argument RegionWhere where, @Argument List<Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env, GraphQLContext context) {
        return queries.regions(where, sort, pages.request(first, after), GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @QueryMapping
    Region region(@Argument String code, DataFetchingEnvironment env, GraphQLContext context) {
        return queries.region(code, GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @BatchMapping
    Map<Region, Region> parent(List<Region> regions) {
        return queries.parent(regions);
    }

    @BatchMapping
    Map<Region, List<Region>> children(List<Region> regions) {
        return queries.children(regions);
    }

    @BatchMapping
    Map<Region, List<Institution>> institutions(List<Region> regions) {
        return queries.institutions(regions);
    }
}
