package org.policygraph.graph.query;

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

    private final ReadQueries queries;
    private final RegionNames regionNames;

    DepartmentQueries(ReadQueries queries, RegionNames regionNames) {
        this.queries = queries;
        this.regionNames = regionNames;
    }

    public Connection<Department> departments(DepartmentWhere where, List<Sort> sort, Pages.PageRequest page,
            Selection selection, Prefetch prefetch) {
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
                "Department", Department::of, selection, prefetch);
    }

    public Map<Department, Region> region(List<Department> departments) {
        return queries.one(departments, Department::key, Relations.DEPARTMENT_REGION);
    }

    public Map<Department, List<Assignment>> tasks(List<Department> departments) {
        return queries.many(departments, Department::key, Relations.DEPARTMENT_TASKS);
    }
}
