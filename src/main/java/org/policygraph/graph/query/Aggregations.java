package org.policygraph.graph.query;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Counts over the graph, each one Cypher statement with the same task filters as the tasks list. */
@Component
public class Aggregations {

    public record GroupCount(String group, long count) {}

    public record DepartmentCount(Department department, long count) {}

    public record ProgrammeSiteCount(Programme programme, long pilots, long sites) {}

    /** What each TaskGrouping counts by: the rows (t, group) after the task filter. */
    private static final Map<String, String> GROUPINGS = Map.of(
            "DEPARTMENT", "MATCH (t)-[:ASSIGNED_TO]->(d:Department) WITH t, d.name AS group",
            "REGION", "UNWIND [(t)-[:MENTIONS]->(r:Region) | r] + [(t)-[:DESIGNATES]->(:Pilot)-[:AT_SITE]->(r:Region) | r]"
                    + " AS r WITH t, r.name AS group",
            "LEVEL", "WITH t, t.docLevel AS group",
            "YEAR", "WITH t, toString(t.year) AS group");

    private static final String GROUP_COUNTS = """

            WHERE group IS NOT NULL
            RETURN group, count(DISTINCT t) AS count
            ORDER BY count DESC, group
            """;

    private static final String DEPARTMENT_RANKING = """

            MATCH (t)-[a:ASSIGNED_TO]->(d:Department)
            WHERE a.role = $rankedRole
            RETURN d {.*} AS department, d.name AS name, count(DISTINCT t) AS count
            ORDER BY count DESC, name
            LIMIT $rankLimit
            """;

    private static final String PROGRAMME_SITES = """
            MATCH (g:Programme)<-[:OF_PROGRAMME]-(p:Pilot)
            OPTIONAL MATCH (p)-[:AT_SITE]->(site)
            RETURN g.name AS name, count(DISTINCT p) AS pilots, count(DISTINCT site) AS sites
            ORDER BY sites DESC, name
            """;

    private final ReadQueries queries;
    private final TaskFilters filters;

    Aggregations(ReadQueries queries, TaskFilters filters) {
        this.queries = queries;
        this.filters = filters;
    }

    /** The tasks meeting {@code where} counted by a TaskGrouping ({@code by}), largest group first. */
    public List<GroupCount> taskCounts(String by, TaskWhere where) {
        TaskWhere w = TaskWhere.orAny(where);
        TaskFilters.Start start = filters.start(w);
        Filter filter = filters.filter(w, start);
        String cypher = start.match() + "\n" + filter.where() + "\n" + GROUPINGS.get(by) + GROUP_COUNTS;
        return queries.list(cypher, filter.parameters()).stream()
                .map(r -> new GroupCount(r.get("group").asString(), r.get("count").asLong())).toList();
    }

    /** The departments with the most tasks meeting {@code where} in {@code role}, at most {@code limit}. */
    public List<DepartmentCount> departmentRanking(String role, TaskWhere where, int limit) {
        TaskWhere w = TaskWhere.orAny(where);
        TaskFilters.Start start = filters.start(w);
        Filter filter = filters.filter(w, start).parameter("rankedRole", role).parameter("rankLimit", limit);
        String cypher = start.match() + "\n" + filter.where() + DEPARTMENT_RANKING;
        return queries.list(cypher, filter.parameters()).stream()
                .map(r -> new DepartmentCount(Department.of(r.get("department")), r.get("count").asLong())).toList();
    }

    /** Each programme with its numbers of pilots and of sites, most sites first. */
    public List<ProgrammeSiteCount> programmeSites() {
        return queries.list(PROGRAMME_SITES, Map.of()).stream()
                .map(r -> new ProgrammeSiteCount(new Programme(r.get("name").asString()), r.get("pilots").asLong(),
                        r.get("sites").asLong())).toList();
    }
}
