package org.policygraph.api;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.policygraph.link.YearOverYear;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Links across documents: IMPLEMENTS in both directions, themes, and one issuer's year-over-year changes. */
@Controller
class LinkController {

    record TaskLink(Task task, double score, List<String> sharedTerms, int rank) {}

    record ThemeTag(String name, List<String> terms, Evidence evidence) {}

    record ThemeCount(String name, String description, int tasks) {}

    private final ReadQueries queries;
    private final YearOverYear yearOverYear;
    private final RegionNames regionNames;

    LinkController(ReadQueries queries, YearOverYear yearOverYear, RegionNames regionNames) {
        this.queries = queries;
        this.yearOverYear = yearOverYear;
        this.regionNames = regionNames;
    }

    @BatchMapping(typeName = "Task", field = "implements")
    Map<Task, List<TaskLink>> implementsTasks(List<Task> tasks) {
        return queries.many(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (:Task {key: key})-[l:IMPLEMENTS]->(other:Task)
                RETURN key, other {.*} AS node, l.score AS score, l.sharedTerms AS terms, l.rank AS rank
                ORDER BY other.docKey, l.rank
                """, LinkController::link);
    }

    @BatchMapping(typeName = "Task", field = "implementedBy")
    Map<Task, List<TaskLink>> implementedBy(List<Task> tasks) {
        return queries.many(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (:Task {key: key})<-[l:IMPLEMENTS]-(other:Task)
                RETURN key, other {.*} AS node, l.score AS score, l.sharedTerms AS terms, l.rank AS rank
                ORDER BY l.score DESC, other.key
                """, LinkController::link);
    }

    @BatchMapping(typeName = "Task", field = "themes")
    Map<Task, List<ThemeTag>> themes(List<Task> tasks) {
        Map<String, Task> byKey = new java.util.HashMap<>();
        tasks.forEach(t -> byKey.put(t.key(), t));
        return queries.many(tasks, Task::key, """
                UNWIND $keys AS key
                MATCH (:Task {key: key})-[h:HAS_THEME]->(theme:Theme)
                RETURN key, theme.name AS name, h.terms AS terms, h.start AS start, h.end AS end
                ORDER BY h.start, theme.name
                """, r -> new ThemeTag(r.get("name").asString(), r.get("terms").asList(Value::asString),
                byKey.get(r.get("key").asString()).quote(integer(r, "start"), integer(r, "end"))));
    }

    @QueryMapping
    List<ThemeCount> themes() {
        return queries.list("""
                MATCH (theme:Theme)
                RETURN theme.name AS name, theme.description AS description, COUNT { (theme)<-[:HAS_THEME]-(:Task) } AS tasks
                ORDER BY tasks DESC, name
                """, Map.of()).stream()
                .map(r -> new ThemeCount(r.get("name").asString(),
                        r.get("description").isNull() ? null : r.get("description").asString(), r.get("tasks").asInt()))
                .toList();
    }

    @QueryMapping
    YearOverYear.Comparison yearOverYear(@Argument String region, @Argument String level, @Argument int fromYear,
            @Argument int toYear) {
        String code = null;
        if (region != null) {
            List<String> codes = regionNames.codes(region);
            if (codes.isEmpty()) {
                throw new ApiException.BadInput("no administrative division is named " + region);
            }
            code = codes.get(0);
        }
        return yearOverYear.compare(code, level, fromYear, toYear);
    }

    private static Integer integer(Value r, String column) {
        return r.get(column).isNull() ? null : r.get(column).asInt();
    }

    private static TaskLink link(Value r) {
        return new TaskLink(Task.of(r.get("node")), r.get("score").asDouble(), r.get("terms").asList(Value::asString),
                r.get("rank").asInt());
    }
}
