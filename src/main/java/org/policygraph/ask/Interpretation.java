package org.policygraph.ask;

import java.util.List;
import org.policygraph.graph.query.TaskWhere;

/**
 * How a question in Chinese was read: the task filters it maps onto (the {@code tasks(where:)} argument,
 * with allOf/anyOf for pairs of departments or places and for topic words), one chip per filter with
 * the words it came from, the words that were not understood, and alternatives for ambiguous names.
 */
public record Interpretation(String question, TaskWhere criteria, List<Chip> chips, List<String> notUnderstood,
                             List<String> alternatives) {

    /** Whether every word that carried meaning was understood. */
    public boolean understood() {
        return notUnderstood.isEmpty();
    }

    /**
     * One understood piece: the filter field, its value, and the words of the question it came from.
     * An allOf chip holds one nested TaskWhere as JSON.
     */
    public record Chip(String field, String value, String words) {}
}
