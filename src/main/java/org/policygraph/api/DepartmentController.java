package org.policygraph.api;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class DepartmentController {

    /** The schema's DepartmentWhere input. */
    record DepartmentWhere(String name, String nameContains, String function, String level, String region,
            Boolean leadsTasks) {}

    private static final Map<String, String> SORT_FIELDS = Map.of("NAME", "d.name");

    private final ReadQueries queries;
    private final Pages pages;
    private final RegionNames regionNames;

    DepartmentController(ReadQueries queries, Pages pages, RegionNames regionNames) {
        this.queries = queries;
        this.pages = pages;
        this.regionNames = regionNames;
    }

    @QueryMapping
    Connection<Department> departments(@Argument DepartmentWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Pages.PageRequest page = pages.request(first, after);
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.name(), "name", "d.name = $name")
                    .when(where.nameContains(), "nameContains", Filter.contains("d.name", "nameContains"))
                    .when(where.function(), "function", TaskFilters.function("function"))
                    .when(where.level(), "level", "d.level = $level")
                    .when(regionNames.codes(where.region()), "region", Filter.inside("(d)-[:OF_REGION]->(:Region)", "region"))
                    .when(where.leadsTasks(), "leadsTasks",
                            "EXISTS { MATCH (d)<-[:ASSIGNED_TO {role: 'LEAD'}]-(:Task) } = $leadsTasks");
            if (where.function() != null) {
                filter.parameter("levelPrefixes", TaskFilters.LEVEL_PREFIXES);
            }
        }
        String orderBy = ListStatement.orderBy(sort, SORT_FIELDS, "d.name", "d.key");
        return queries.connection(new ListStatement("MATCH (d:Department)", filter, "d", orderBy), page,
                "Department", Department::of, selection, context);
    }

    @BatchMapping
    Map<Department, Region> region(List<Department> departments) {
        return queries.one(departments, Department::key, """
                UNWIND $keys AS key
                MATCH (:Department {key: key})-[:OF_REGION]->(r:Region)
                RETURN key, r {.*} AS node
                """, r -> Region.of(r.get("node")));
    }

    @BatchMapping
    Map<Department, List<Assignment>> tasks(List<Department> departments) {
        return queries.many(departments, Department::key, """
                UNWIND $keys AS key
                MATCH (t:Task)-[a:ASSIGNED_TO]->(d:Department {key: key})
                RETURN key, t {.*} AS task, a {.*} AS assignment, d {.*} AS department
                ORDER BY t.docKey, t.ordinal
                """, TaskController::assignment);
    }
}
