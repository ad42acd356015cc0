package org.policygraph.graph.query;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The tasks list and every field of Task that reads the graph, each batched over many tasks.
 *
 * <p>{@code selection} and {@code context} are those of the list field: the list statement reads the
 * nested fields they select as well, and the batch methods answer from those rows. Both may be null
 * outside GraphQL.
 */
@Component
public class TaskQueries {

    private static final Map<String, String> SORT_FIELDS = Map.of(
            "DOCUMENT", "t.docKey", "ORDINAL", "t.ordinal", "YEAR", "t.year", "TITLE", "t.title");

    private static final String TASK = "MATCH (t:Task {key: $key}) RETURN t {.*} AS node";

    private final ReadQueries queries;
    private final TaskFilters filters;

    TaskQueries(ReadQueries queries, TaskFilters filters) {
        this.queries = queries;
        this.filters = filters;
    }

    /** One page of the tasks that meet every filter of {@code where} (null: every task). */
    public Connection<Task> tasks(TaskWhere where, List<Sort> sort, Pages.PageRequest page,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        TaskWhere w = TaskWhere.orAny(where);
        String orderBy = ListStatement.orderBy(sort, SORT_FIELDS, "t.docKey, t.ordinal", "t.key");
        TaskFilters.Start start = filters.start(w);
        ListStatement statement = new ListStatement(start.match(), filters.filter(w, start), "t", orderBy);
        return queries.connection(statement, page, "Task", Task::of, selection, context);
    }

    /** The task with this key, or null. */
    public Task task(String key) {
        return queries.list(TASK, Map.of("key", key)).stream()
                .map(r -> Task.of(r.get("node"))).findFirst().orElse(null);
    }

    public Map<Task, Document> document(List<Task> tasks, GraphQLContext context) {
        return queries.one(tasks, Task::key, Relations.TASK_DOCUMENT, context);
    }

    public Map<Task, Section> section(List<Task> tasks, GraphQLContext context) {
        return queries.one(tasks, Task::key, Relations.TASK_SECTION, context);
    }

    public Map<Task, List<Assignment>> departments(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_DEPARTMENTS, context);
    }

    public Map<Task, List<Region>> regions(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_REGIONS, context);
    }

    public Map<Task, List<Pilot>> pilots(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_PILOTS, context);
    }

    public Map<Task, List<Indicator>> indicators(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_INDICATORS, context);
    }

    public Map<Task, List<Document>> cites(List<Task> tasks, GraphQLContext context) {
        return queries.many(tasks, Task::key, Relations.TASK_CITES, context);
    }
}
