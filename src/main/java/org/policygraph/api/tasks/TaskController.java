package org.policygraph.api.tasks;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.policygraph.api.support.GraphRequests;
import org.policygraph.graph.query.Assignment;
import org.policygraph.graph.query.Connection;
import org.policygraph.graph.query.Document;
import org.policygraph.graph.query.Indicator;
import org.policygraph.graph.query.Pages;
import org.policygraph.graph.query.Pilot;
import org.policygraph.graph.query.Region;
import org.policygraph.graph.query.Section;
import org.policygraph.graph.query.Sort;
import org.policygraph.graph.query.Task;
import org.policygraph.graph.query.TaskQueries;
import org.policygraph.graph.query.TaskWhere;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The tasks list and every field of Task that reads the graph, each batched over all tasks of a level. */
@Controller
class TaskController {

    private final TaskQueries queries;
    private final Pages pages;

    TaskController(TaskQueries queries, Pages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @QueryMapping
    Connection<Task> tasks(@Argument TaskWhere where, @Argument List<Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env, GraphQLContext context) {
        return queries.tasks(where, sort, pages.request(first, after), GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @QueryMapping
    Task task(@Argument String key, DataFetchingEnvironment env, GraphQLContext context) {
        return queries.task(key, GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @BatchMapping
    Map<Task, Document> document(List<Task> tasks) {
        return queries.document(tasks);
    }

    @BatchMapping
    Map<Task, Section> section(List<Task> tasks) {
        return queries.section(tasks);
    }

    @BatchMapping
    Map<Task, List<Assignment>> departments(List<Task> tasks) {
        return queries.departments(tasks);
    }

    @BatchMapping
    Map<Task, List<Region>> regions(List<Task> tasks) {
        return queries.regions(tasks);
    }

    @BatchMapping
    Map<Task, List<Pilot>> pilots(List<Task> tasks) {
        return queries.pilots(tasks);
    }

    @BatchMapping
    Map<Task, List<Indicator>> indicators(List<Task> tasks) {
        return queries.indicators(tasks);
    }

    @BatchMapping
    Map<Task, List<Document>> cites(List<Task> tasks) {
        return queries.cites(tasks);
    }
}
