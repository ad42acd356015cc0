package org.policygraph.api.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.GraphQLContext;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
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

    /**
     * Selections per field of a parsed document, by the identity of the field's syntax node: a repeated
     * question reuses its parsed document ({@link ParsedQueryCache}), hence its nodes, and so its
     * selections. Held weakly: they go with their document.
     */
    private static final Cache<Field, Selection> SELECTIONS = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private GraphRequests() {}

    /** The request's prefetched rows, one store per request. */
    public static Prefetch prefetch(GraphQLContext context) {
        return context.computeIfAbsent(PREFETCH, k -> new Prefetch());
    }

    /**
     * What the field being fetched asks for, read from the query's syntax: aliases dropped, fragments
     * expanded, and a field selected more than once (by aliases or fragments, or per type of a union)
     * merged into one. {@code @skip} and {@code @include} are not evaluated: a field they leave out may
     * be read, never answered.
     */
    public static Selection selection(DataFetchingEnvironment env) {
        List<Field> fields = env.getMergedField().getFields();
        Map<String, FragmentDefinition> fragments = env.getFragmentsByName();
        return SELECTIONS.get(fields.get(0), first -> of(fields, fragments));
    }

    private static Selection of(List<Field> fields, Map<String, FragmentDefinition> fragments) {
        Map<String, List<Field>> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            collect(field.getSelectionSet(), fragments, byName);
        }
        if (byName.isEmpty()) {
            return Selection.NONE;
        }
        Map<String, Selection> selected = new LinkedHashMap<>();
        byName.forEach((name, same) -> selected.put(name, of(same, fragments)));
        return new Selection(selected);
    }

    private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments,
            Map<String, List<Field>> byName) {
        if (selections == null) {
            return;
        }
        for (graphql.language.Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                byName.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field);
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, byName);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, byName);
            }
        }
    }
}
