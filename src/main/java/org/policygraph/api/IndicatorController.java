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

/** Indicators with their owner (a task, or a document for document-level targets). */
@Controller
class IndicatorController {

    /** The schema's IndicatorWhere input. */
    record IndicatorWhere(String unit, Double valueGte, Double valueLte, String deadline, String deadlineContains,
            String subjectContains, String docNumber) {}

    private static final Map<String, String> SORT_FIELDS = Map.of(
            "VALUE", "i.value", "DEADLINE", "i.deadline", "KEY", "i.key");

    private final ReadQueries queries;
    private final Pages pages;

    IndicatorController(ReadQueries queries, Pages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @QueryMapping
    Connection<Indicator> indicators(@Argument IndicatorWhere where, @Argument List<ListStatement.Sort> sort,
            @Argument Integer first, @Argument String after,
            DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Pages.PageRequest page = pages.request(first, after);
        Filter filter = new Filter();
        if (where != null) {
            filter.when(where.unit(), "unit", "i.unit = $unit")
                    .when(where.valueGte(), "valueGte", "i.value >= $valueGte")
                    .when(where.valueLte(), "valueLte", "i.value <= $valueLte")
                    .when(where.deadline(), "deadline", "i.deadline = $deadline")
                    .when(where.deadlineContains(), "deadlineContains",
                            Filter.contains("i.deadline", "deadlineContains"))
                    .when(where.subjectContains(), "subjectContains", Filter.contains("i.subject", "subjectContains"))
                    .when(where.docNumber(), "docNumber", "EXISTS { MATCH (doc:Document)-[:HAS_TASK*0..1]->()"
                            + "-[:SETS]->(i) WHERE doc.docNumber = $docNumber }");
        }
        String orderBy = ListStatement.orderBy(sort, SORT_FIELDS, "i.key", "i.key");
        return queries.connection(new ListStatement("MATCH (i:Indicator)", filter, "i", orderBy), page,
                "Indicator", Indicator::of, selection, context);
    }

    @BatchMapping
    Map<Indicator, Task> task(List<Indicator> indicators, GraphQLContext context) {
        return queries.one(indicators, Indicator::key, Relations.INDICATOR_TASK, context);
    }

    @BatchMapping
    Map<Indicator, Document> document(List<Indicator> indicators, GraphQLContext context) {
        return queries.one(indicators, Indicator::key, Relations.INDICATOR_DOCUMENT, context);
    }

    @BatchMapping
    Map<Indicator, Evidence> evidence(List<Indicator> indicators, GraphQLContext context) {
        return queries.one(indicators, Indicator::key, Relations.INDICATOR_EVIDENCE, context);
    }

    /** Cut from the task text; a document-level indicator has its span but no stored text to quote. */
    static Evidence evidence(MapAccessor r) {
        int start = r.get("start").asInt();
        int end = r.get("end").asInt();
        if (r.get("byTask").asBoolean()) {
            return Task.of(r.get("owner")).quote(start, end);
        }
        return new Evidence(null, start, end, Nodes.string(r.get("owner"), "key"));
    }
}
