package org.policygraph.api;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.types.MapAccessor;
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
            @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Pages.PageRequest page = pages.request(first, after);
        TaskWhere w = TaskWhere.orAny(where);
        String orderBy = ListStatement.orderBy(sort, SORT_FIELDS, "t.docKey, t.ordinal", "t.key");
        TaskFilters.Start start = filters.start(w);
        ListStatement statement = new ListStatement(start.match(), filters.filter(w, start), "t", orderBy);
        return queries.connection(statement, page, "Task", Task::of, selection, context);
    }

    @QueryMapping
    Task task(@Argument String key) {
        return queries.list("MATCH (t:Task {key: $key}) RETURN t {.*} AS node", Map.of("key", key)).stream()
                .map(r -> Task.of(r.get("node"))).findFirst().orElse(null);
    }

    @BatchMapping
    Map<Task, Document> document(List<Task> tasks, GraphQLContext context) {
        return queries.one(tasks, Task::key, Relations.TASK_DOCUMENT, context);
    }

    @BatchMapping
    Map<Task, Section> section(List<Task> tasks, GraphQLContext context) {
        return queries.one(tasks, Task::key, Relations.TASK_SECTION, context);
    }

    @BatchMapping
    Map<Task, List<Assignment>> departments(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_DEPARTMENTS, context);
    }

    @BatchMapping
    Map<Task, List<Region>> regions(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_REGIONS, context);
    }

    @BatchMapping
    Map<Task, List<Pilot>> pilots(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_PILOTS, context);
    }

    @BatchMapping
    Map<Task, List<Indicator>> indicators(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_INDICATORS, context);
    }

    @BatchMapping
    Map<Task, List<Document>> cites(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_CITES, context);
    }

    /** A row with entries task, assignment and department. */
    static Assignment assignment(MapAccessor r) {
        var a = r.get("assignment");
        return new Assignment(Task.of(r.get("task")), Department.of(r.get("department")), Nodes.string(a, "role"),
                Nodes.integer(a, "position"), Nodes.integer(a, "start"), Nodes.integer(a, "end"));
    }
}
