package org.policygraph.graph.query;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Departments, their region and their tasks (see {@link TaskQueries} for the arguments). */
@Component
public class DepartmentQueries {

    /** The schema's DepartmentWhere input. */
    public record DepartmentWhere(String name, String nameContains, String function, String level, String region,
            Boolean leadsTasks) {}

    private static final Map<String, String> SORT_FIELDS = Map.of("NAME", "d.name");

    private static final String REGION = """
            UNWIND $keys AS key
            MATCH (:Department {key: key})-[:OF_REGION]->(r:Region)
            RETURN key, r {.*} AS node
            """;

    private static final String TASKS = """
            UNWIND $keys AS key
            MATCH (t:Task)-[a:ASSIGNED_TO]->(d:Department {key: key})
            RETURN key, t {.*} AS task, a {.*} AS assignment, d {.*} AS department
            ORDER BY t.docKey, t.ordinal
            """;

    private final ReadQueries queries;
    private final RegionNames regionNames;

    DepartmentQueries(ReadQueries queries, RegionNames regionNames) {
        this.queries = queries;
        this.regionNames = regionNames;
    }

    public Connection<Department> departments(DepartmentWhere where, List<Sort> sort, Pages.PageRequest page,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
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

    public Map<Department, Region> region(List<Department> departments) {
        return queries.one(departments, Department::key, REGION, r -> Region.of(r.get("node")));
    }

    public Map<Department, List<Assignment>> tasks(List<Department> departments) {
        return queries.many(departments, Department::key, TASKS, Assignment::of);
    }
}
