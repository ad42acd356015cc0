package org.policygraph.api.indicators;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.policygraph.api.support.GraphRequests;
import org.policygraph.graph.query.Connection;
import org.policygraph.graph.query.Document;
import org.policygraph.graph.query.Evidence;
import org.policygraph.graph.query.Indicator;
import org.policygraph.graph.query.IndicatorQueries;
import org.policygraph.graph.query.IndicatorQueries.IndicatorWhere;
import org.policygraph.graph.query.Pages;
import org.policygraph.graph.query.Sort;
import org.policygraph.graph.query.Task;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Indicators with their owner (a task, or a document for document-level targets). */
@Controller
class IndicatorController {

    private final IndicatorQueries queries;
    private final Pages pages;

    IndicatorController(IndicatorQueries queries, Pages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @QueryMapping
    Connection<Indicator> indicators(@Argument IndicatorWhere where, @Argument List<Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env, GraphQLContext context) {
        return queries.indicators(where, sort, pages.request(first, after), GraphRequests.selection(env), GraphRequests.prefetch(context));
    }

    @BatchMapping
    Map<Indicator, Task> task(List<Indicator> indicators) {
        return queries.task(indicators);
    }

    @BatchMapping
    Map<Indicator, Document> document(List<Indicator> indicators) {
        return queries.document(indicators);
    }

    @BatchMapping
    Map<Indicator, Evidence> evidence(List<Indicator> indicators) {
        return queries.evidence(indicators);
    }
}
