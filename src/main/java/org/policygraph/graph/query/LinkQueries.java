package org.policygraph.graph.query;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.policygraph.graph.Values;
import org.springframework.stereotype.Component;

/** Links across documents as the API reads them: IMPLEMENTS in both directions, and themes. */
@Component
public class LinkQueries {

    public record TaskLink(Task task, double score, List<String> sharedTerms, int rank) {}

    public record ThemeTag(String name, List<String> terms, Evidence evidence) {}

    public record ThemeCount(String name, String description, int tasks) {}

    private static final String THEMES = """
            MATCH (theme:Theme)
            RETURN theme.name AS name, theme.description AS description, COUNT { (theme)<-[:HAS_THEME]-(:Task) } AS tasks
            ORDER BY tasks DESC, name
            """;

    private final ReadQueries queries;

    LinkQueries(ReadQueries queries) {
        this.queries = queries;
    }

    /** The higher-level tasks each task implements. */
    public Map<Task, List<TaskLink>> implementsTasks(List<Task> tasks) {
        return queries.many(tasks, Task::key, Relations.TASK_IMPLEMENTS);
    }

    /** The lower-level tasks that implement each task. */
    public Map<Task, List<TaskLink>> implementedBy(List<Task> tasks) {
        return queries.many(tasks, Task::key, Relations.TASK_IMPLEMENTED_BY);
    }

    /** Each task's themes, with their evidence quoted from the task. */
    public Map<Task, List<ThemeTag>> themes(List<Task> tasks) {
        return queries.many(tasks, Task::key, Relations.TASK_THEMES);
    }

    /** Every theme with the number of tasks that have it, most first. */
    public List<ThemeCount> themeCounts() {
        return queries.list(THEMES, Map.of()).stream()
                .map(r -> new ThemeCount(r.get("name").asString(),
                        Values.string(r.get("description")), r.get("tasks").asInt()))
                .toList();
    }
}
