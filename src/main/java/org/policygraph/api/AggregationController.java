package org.policygraph.api;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Counts over the graph, each one Cypher statement with the same task filters as the tasks list. */
@Controller
class AggregationController {

    record GroupCount(String group, long count) {}

    record DepartmentCount(Department department, long count) {}

    record ProgrammeSiteCount(Programme programme, long pilots, long sites) {}

    /** What each TaskGrouping counts by: the rows (t, group) after the task filter. */
    private static final Map<String, String> GROUPINGS = Map.of(
            "DEPARTMENT", "MATCH (t)-[:ASSIGNED_TO]->(d:Department) WITH t, d.name AS group",
            "REGION", "UNWIND [(t)-[:MENTIONS]->(r:Region) | r] + [(t)-[:DESIGNATES]->(:Pilot)-[:AT_SITE]->(r:Region) | r]"
                    + " AS r WITH t, r.name AS group",
            "LEVEL", "WITH t, t.docLevel AS group",
            "YEAR", "WITH t, toString(t.year) AS group");

    private final ReadQueries queries;
    private final TaskFilters filters;
    private final Pages pages;

    AggregationController(ReadQueries queries, TaskFilters filters, Pages pages) {
        this.queries = queries;
        this.filters = filters;
        this.pages = pages;
    }

    @QueryMapping
    List<GroupCount> taskCounts(@Argument String by, @Argument TaskWhere where) {
        TaskWhere w = TaskWhere.orAny(where);
        TaskFilters.Start start = filters.start(w);
        Filter filter = filters.filter(w, start);
        String cypher = start.match() + "\n" + filter.where() + "\n" + GROUPINGS.get(by) + """

                WHERE group IS NOT NULL
                RETURN group, count(DISTINCT t) AS count
                ORDER BY count DESC, group
                """;
        return queries.list(cypher, filter.parameters()).stream()
                .map(r -> new GroupCount(r.get("group").asString(), r.get("count").asLong())).toList();
    }

    @QueryMapping
    List<DepartmentCount> departmentRanking(@Argument String role, @Argument TaskWhere where, @Argument Integer first) {
        TaskWhere w = TaskWhere.orAny(where);
        TaskFilters.Start start = filters.start(w);
        Filter filter = filters.filter(w, start).parameter("rankedRole", role)
                .parameter("rankLimit", pages.request(first, null).size());
        String cypher = start.match() + "\n" + filter.where() + """

                MATCH (t)-[a:ASSIGNED_TO]->(d:Department)
                WHERE a.role = $rankedRole
                RETURN d {.*} AS department, d.name AS name, count(DISTINCT t) AS count
                ORDER BY count DESC, name
                LIMIT $rankLimit
                """;
        return queries.list(cypher, filter.parameters()).stream()
                .map(r -> new DepartmentCount(Department.of(r.get("department")), r.get("count").asLong())).toList();
    }

    @QueryMapping
    List<ProgrammeSiteCount> programmeSites() {
        return queries.list("""
                MATCH (g:Programme)<-[:OF_PROGRAMME]-(p:Pilot)
                OPTIONAL MATCH (p)-[:AT_SITE]->(site)
                RETURN g.name AS name, count(DISTINCT p) AS pilots, count(DISTINCT site) AS sites
                ORDER BY sites DESC, name
                """, Map.of()).stream()
                .map(r -> new ProgrammeSiteCount(new Programme(r.get("name").asString()), r.get("pilots").asLong(),
                        r.get("sites").asLong())).toList();
    }
}
