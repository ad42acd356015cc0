package org.policygraph.graph.query;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Indicators with their owner (a task, or a document for document-level targets) (see
 * {@link TaskQueries} for the arguments).
 */
@Component
public class IndicatorQueries {

    /** The schema's IndicatorWhere input. */
    public record IndicatorWhere(String unit, Double valueGte, Double valueLte, String deadline,
            String deadlineContains, String subjectContains, String docNumber) {}

    private static final Map<String, String> SORT_FIELDS = Map.of(
            "VALUE", "i.value", "DEADLINE", "i.deadline", "KEY", "i.key");

    private final ReadQueries queries;

    IndicatorQueries(ReadQueries queries) {
        this.queries = queries;
    }

    public Connection<Indicator> indicators(IndicatorWhere where, List<Sort> sort, Pages.PageRequest page,
            Selection selection, Prefetch prefetch) {
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
                "Indicator", Indicator::of, selection, prefetch);
    }

    public Map<Indicator, Task> task(List<Indicator> indicators) {
        return queries.one(indicators, Indicator::key, Relations.INDICATOR_TASK);
    }

    public Map<Indicator, Document> document(List<Indicator> indicators) {
        return queries.one(indicators, Indicator::key, Relations.INDICATOR_DOCUMENT);
    }

    public Map<Indicator, Evidence> evidence(List<Indicator> indicators) {
        return queries.one(indicators, Indicator::key, Relations.INDICATOR_EVIDENCE);
    }
}
