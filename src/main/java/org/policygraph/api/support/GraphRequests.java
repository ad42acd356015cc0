package org.policygraph.api.support;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policygraph.graph.query.Prefetch;
import org.policygraph.graph.query.Selection;

/**
 * What graph needs of a GraphQL request, in graph's own terms: the {@link Selection} of a root field
 * and the request's {@link Prefetch}, the rows its root fields' statements read ahead for the nested
 * fields (answered from there by {@link PrefetchedFields}).
 */
public final class GraphRequests {

    private static final String PREFETCH = Prefetch.class.getName();

    private GraphRequests() {}

    /** The request's prefetched rows, one store per request. */
    public static Prefetch prefetch(GraphQLContext context) {
        return context.computeIfAbsent(PREFETCH, k -> new Prefetch());
    }

    /**
     * What the root field's selection asks for, with aliases dropped and a field selected more than once
     * (by aliases or fragments, or per type of a union) merged into one.
     */
    public static Selection selection(DataFetchingFieldSelectionSet selection) {
        return of(selection.getImmediateFields());
    }

    private static Selection of(List<SelectedField> fields) {
        if (fields.isEmpty()) {
            return Selection.NONE;
        }
        Map<String, List<SelectedField>> byName = new LinkedHashMap<>();
        for (SelectedField field : fields) {
            byName.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field);
        }
        Map<String, Selection> selected = new LinkedHashMap<>();
        byName.forEach((name, same) -> selected.put(name, of(same.size() == 1
                ? same.get(0).getSelectionSet().getImmediateFields()
                : same.stream().flatMap(f -> f.getSelectionSet().getImmediateFields().stream()).toList())));
        return new Selection(selected);
    }
}
