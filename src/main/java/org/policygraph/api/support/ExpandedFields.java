package org.policygraph.api.support;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many fields a GraphQL document selects once every fragment spread is replaced by its
 * fragment, counted in time proportional to the document's length: each fragment's count is
 * computed once and reused wherever it is spread.
 *
 * <p>graphql-java's depth and complexity checks, its validation and its normalized operation all
 * walk the expanded document: 30 fragments of 1.1 KB that each spread the previous one twice expand
 * to 2^29 fields, which took 15 s (2^22) or the heap (2^24) before any limit applied. This count
 * comes first and refuses such a document before graphql-java looks at it.
 */
final class ExpandedFields {

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Long> fragmentFields = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();

    private ExpandedFields(Document document) {
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.put(fragment.getName(), fragment);
        }
    }

    /**
     * The fields of the document's largest operation with its fragments expanded, or {@link Long#MAX_VALUE}
     * when that overflows. A fragment that spreads itself counts nothing here; validation refuses it.
     */
    static long of(Document document) {
        ExpandedFields counter = new ExpandedFields(document);
        long largest = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            largest = Math.max(largest, counter.count(operation.getSelectionSet()));
        }
        return largest;
    }

    private long count(SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        long total = 0;
        for (Selection<?> selection : selections.getSelections()) {
            long fields;
            if (selection instanceof Field field) {
                fields = plus(1, count(field.getSelectionSet()));
            } else if (selection instanceof InlineFragment inline) {
                fields = count(inline.getSelectionSet());
            } else if (selection instanceof FragmentSpread spread) {
                fields = fragment(spread.getName());
            } else {
                fields = 0;
            }
            total = plus(total, fields);
        }
        return total;
    }

    private long fragment(String name) {
        Long known = fragmentFields.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition fragment = fragments.get(name);
        if (fragment == null || !expanding.add(name)) {
            return 0;
        }
        long fields = count(fragment.getSelectionSet());
        expanding.remove(name);
        fragmentFields.put(name, fields);
        return fields;
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
