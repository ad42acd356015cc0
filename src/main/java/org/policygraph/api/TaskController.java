package org.policygraph.api;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The tasks list and every field of Task that reads the graph, each batched over all tasks of a level. */
@Controller
class TaskController {

    private static final Map<String, String> SORT_FIELDS = Map.of(
            "DOCUMENT", "t.docKey", "ORDINAL", "t.ordinal", "YEAR", "t.year", "TITLE", "t.title");

    private final ReadQueries queries;
    private final TaskFilters filters;
    private final Pages pages;

    TaskController(ReadQueries queries, TaskFilters filters, Pages pages) {
        this.queries = queries;
        this.filters = filters;
        this.pages = pages;
    }

    @QueryMapping
    Connection<Task> tasks(@Argument TaskWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after) {
        Pages.PageRequest page = pages.request(first, after);
        TaskWhere w = TaskWhere.orAny(where);
        String orderBy = ListStatement.orderBy(sort, SORT_FIELDS, "t.docKey, t.ordinal", "t.key");
        return queries.connection(new ListStatement(filters.match(w), filters.filter(w), "t", orderBy), page, Task::of);
    }

    @QueryMapping
    Task task(@Argument String key) {
        return queries.list("MATCH (t:Task {key: $key}) RETURN t {.*} AS node", Map.of("key", key)).stream()
                .map(r -> Task.of(r.get("node"))).findFirst().orElse(null);
    }

    @BatchMapping
    Map<Task, Document> document(List<Task> tasks) {
        return queries.one(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (d:Document)-[:HAS_TASK]->(:Task {key: key})
                RETURN key, d {.*} AS node
                """, r -> Document.of(r.get("node")));
    }

    @BatchMapping
    Map<Task, Section> section(List<Task> tasks) {
        return queries.one(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (s:Section)-[:HAS_TASK]->(:Task {key: key})
                RETURN key, s {.*} AS node
                """, r -> Section.of(r.get("node")));
    }

    @BatchMapping
    Map<Task, List<Assignment>> departments(List<Task> tasks) {
        return queries.many(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (t:Task {key: key})-[a:ASSIGNED_TO]->(d:Department)
                RETURN key, t {.*} AS task, a {.*} AS assignment, d {.*} AS department
                ORDER BY a.position
                """, TaskController::assignment);
    }

    @BatchMapping
    Map<Task, List<Region>> regions(List<Task> tasks) {
        return queries.many(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (:Task {key: key})-[m:MENTIONS]->(r:Region)
                RETURN key, r {.*} AS node
                ORDER BY m.start, r.code
                """, r -> Region.of(r.get("node")));
    }

    @BatchMapping
    Map<Task, List<Pilot>> pilots(List<Task> tasks) {
        return queries.many(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (:Task {key: key})-[:DESIGNATES]->(p:Pilot)
                RETURN key, p {.*} AS node
                ORDER BY p.key
                """, r -> Pilot.of(r.get("node")));
    }

    @BatchMapping
    Map<Task, List<Indicator>> indicators(List<Task> tasks) {
        return queries.many(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (:Task {key: key})-[:SETS]->(i:Indicator)
                RETURN key, i {.*} AS node
                ORDER BY i.key
                """, r -> Indicator.of(r.get("node")));
    }

    @BatchMapping
    Map<Task, List<Document>> cites(List<Task> tasks) {
        return queries.many(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (:Task {key: key})-[:CITES]->(d:Document)
                RETURN key, d {.*} AS node
                ORDER BY d.key
                """, r -> Document.of(r.get("node")));
    }

    /** A row with columns task, assignment and department. */
    static Assignment assignment(Record r) {
        var a = r.get("assignment");
        return new Assignment(Task.of(r.get("task")), Department.of(r.get("department")), Nodes.string(a, "role"),
                Nodes.integer(a, "position"), Nodes.integer(a, "start"), Nodes.integer(a, "end"));
    }
}
