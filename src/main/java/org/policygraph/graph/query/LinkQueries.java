package org.policygraph.graph.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** Links across documents as the API reads them: IMPLEMENTS in both directions, and themes. */
@Component
public class LinkQueries {

    public record TaskLink(Task task, double score, List<String> sharedTerms, int rank) {}

    public record ThemeTag(String name, List<String> terms, Evidence evidence) {}

    public record ThemeCount(String name, String description, int tasks) {}

    private static final String IMPLEMENTS = """
            UNWIND $keys AS key
            MATCH (:Task {key: key})-[l:IMPLEMENTS]->(other:Task)
            RETURN key, other {.*} AS node, l.score AS score, l.sharedTerms AS terms, l.rank AS rank
            ORDER BY other.docKey, l.rank
            """;

    private static final String IMPLEMENTED_BY = """
            UNWIND $keys AS key
            MATCH (:Task {key: key})<-[l:IMPLEMENTS]-(other:Task)
            RETURN key, other {.*} AS node, l.score AS score, l.sharedTerms AS terms, l.rank AS rank
            ORDER BY l.score DESC, other.key
            """;

    private static final String TASK_THEMES = """
            UNWIND $keys AS key
            MATCH (:Task {key: key})-[h:HAS_THEME]->(theme:Theme)
            RETURN key, theme.name AS name, h.terms AS terms, h.start AS start, h.end AS end
            ORDER BY h.start, theme.name
            """;

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
        return queries.many(tasks, Task::key, IMPLEMENTS, LinkQueries::link);
    }

    /** The lower-level tasks that implement each task. */
    public Map<Task, List<TaskLink>> implementedBy(List<Task> tasks) {
        return queries.many(tasks, Task::key, IMPLEMENTED_BY, LinkQueries::link);
    }

    /** Each task's themes, with their evidence quoted from the task. */
    public Map<Task, List<ThemeTag>> themes(List<Task> tasks) {
        Map<String, Task> byKey = new HashMap<>();
        tasks.forEach(t -> byKey.put(t.key(), t));
        return queries.many(tasks, Task::key, TASK_THEMES,
                r -> new ThemeTag(r.get("name").asString(), r.get("terms").asList(Value::asString),
                        byKey.get(r.get("key").asString()).quote(integer(r, "start"), integer(r, "end"))));
    }

    /** Every theme with the number of tasks that have it, most first. */
    public List<ThemeCount> themeCounts() {
        return queries.list(THEMES, Map.of()).stream()
                .map(r -> new ThemeCount(r.get("name").asString(),
                        r.get("description").isNull() ? null : r.get("description").asString(), r.get("tasks").asInt()))
                .toList();
    }

    private static Integer integer(Value r, String column) {
        return r.get(column).isNull() ? null : r.get(column).asInt();
    }

    private static TaskLink link(Value r) {
        return new TaskLink(Task.of(r.get("node")), r.get("score").asDouble(), r.get("terms").asList(Value::asString),
                r.get("rank").asInt());
    }
}
