package org.policygraph.api.links;

import java.util.List;
import java.util.Map;
import org.policygraph.graph.query.ApiException;
import org.policygraph.graph.query.LinkQueries;
import org.policygraph.graph.query.LinkQueries.TaskLink;
import org.policygraph.graph.query.LinkQueries.ThemeCount;
import org.policygraph.graph.query.LinkQueries.ThemeTag;
import org.policygraph.graph.query.RegionNames;
import org.policygraph.graph.query.Task;
import org.policygraph.link.YearOverYear;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Links across documents: IMPLEMENTS in both directions, themes, and one issuer's year-over-year changes. */
@Controller
class LinkController {

    private final LinkQueries queries;
    private final YearOverYear yearOverYear;
    private final RegionNames regionNames;

    LinkController(LinkQueries queries, YearOverYear yearOverYear, RegionNames regionNames) {
        this.queries = queries;
        this.yearOverYear = yearOverYear;
        this.regionNames = regionNames;
    }

    @BatchMapping(typeName = "Task", field = "implements")
    Map<Task, List<TaskLink>> implementsTasks(List<Task> tasks) {
        return queries.implementsTasks(tasks);
    }

    @BatchMapping(typeName = "Task", field = "implementedBy")
    Map<Task, List<TaskLink>> implementedBy(List<Task> tasks) {
        return queries.implementedBy(tasks);
    }

    @BatchMapping(typeName = "Task", field = "themes")
    Map<Task, List<ThemeTag>> themes(List<Task> tasks) {
        return queries.themes(tasks);
    }

    @QueryMapping
    List<ThemeCount> themes() {
        return queries.themeCounts();
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
}
