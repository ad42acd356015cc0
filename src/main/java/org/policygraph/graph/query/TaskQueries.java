package org.policygraph.graph.query;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The tasks list and every field of Task that reads the graph, each batched over many tasks.
 *
 * <p>{@code selection} is what a request asks of the root field, {@code prefetch} the request's rows: the
 * root field's statement reads the nested fields the selection asks for as well and keeps their rows in
 * {@code prefetch}, from which the API answers them. Both may be null outside GraphQL. The batch methods
 * read a nested field for parents that no statement of the request reached that way.
 */
@Component
public class TaskQueries {

    private static final Map<String, String> SORT_FIELDS = Map.of(
            "DOCUMENT", "t.docKey", "ORDINAL", "t.ordinal", "YEAR", "t.year", "TITLE", "t.title");

    private final ReadQueries queries;
    private final TaskFilters filters;

    TaskQueries(ReadQueries queries, TaskFilters filters) {
        this.queries = queries;
        this.filters = filters;
    }

    /** One page of the tasks that meet every filter of {@code where} (null: every task). */
    public Connection<Task> tasks(TaskWhere where, List<Sort> sort, Pages.PageRequest page,
            Selection selection, Prefetch prefetch) {
        TaskWhere w = TaskWhere.orAny(where);
        String orderBy = ListStatement.orderBy(sort, SORT_FIELDS, "t.docKey, t.ordinal", "t.key");
        TaskFilters.Start start = filters.start(w);
        ListStatement statement = new ListStatement(start.match(), filters.filter(w, start), "t", orderBy);
        return queries.connection(statement, page, "Task", Task::of, selection, prefetch);
    }

    /** The task with this key, or null, with what {@code selection} asks of it. */
    public Task task(String key, Selection selection, Prefetch prefetch) {
        return queries.node("MATCH (t:Task {key: $key})", "t", Map.of("key", key), "Task", Task::of,
                selection, prefetch);
    }

    public Map<Task, Document> document(List<Task> tasks) {
        return queries.one(tasks, Task::key, Relations.TASK_DOCUMENT);
    }

    public Map<Task, Section> section(List<Task> tasks) {
        return queries.one(tasks, Task::key, Relations.TASK_SECTION);
    }

    public Map<Task, List<Assignment>> departments(List<Task> tasks) {
        return queries.many(tasks, Task::key, Relations.TASK_DEPARTMENTS);
    }

    public Map<Task, List<Region>> regions(List<Task> tasks) {
        return queries.many(tasks, Task::key, Relations.TASK_REGIONS);
    }

    public Map<Task, List<Pilot>> pilots(List<Task> tasks) {
        return queries.many(tasks, Task::key, Relations.TASK_PILOTS);
    }

    public Map<Task, List<Indicator>> indicators(List<Task> tasks) {
        return queries.many(tasks, Task::key, Relations.TASK_INDICATORS);
    }

    public Map<Task, List<Document>> cites(List<Task> tasks) {
        return queries.many(tasks, Task::key, Relations.TASK_CITES);
    }
}
