package org.policygraph.api.tasks;

import java.util.List;
import org.policygraph.graph.query.Aggregations;
import org.policygraph.graph.query.Aggregations.DepartmentCount;
import org.policygraph.graph.query.Aggregations.GroupCount;
import org.policygraph.graph.query.Aggregations.ProgrammeSiteCount;
import org.policygraph.graph.query.Pages;
import org.policygraph.graph.query.TaskWhere;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Counts over the graph, each one Cypher statement with the same task filters as the tasks list. */
@Controller
class AggregationController {

    private final Aggregations aggregations;
    private final Pages pages;

    AggregationController(Aggregations aggregations, Pages pages) {
        this.aggregations = aggregations;
        this.pages = pages;
    }

    @QueryMapping
    List<GroupCount> taskCounts(@Argument String by, @Argument TaskWhere where) {
        return aggregations.taskCounts(by, where);
    }

    @QueryMapping
    List<DepartmentCount> departmentRanking(@Argument String role, @Argument TaskWhere where, @Argument Integer first) {
        return aggregations.departmentRanking(role, where, pages.request(first, null).size());
    }

    @QueryMapping
    List<ProgrammeSiteCount> programmeSites() {
        return aggregations.programmeSites();
    }
}
