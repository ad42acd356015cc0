package org.policygraph.ask;

import java.util.List;

/**
 * How a question in Chinese was read: the structured filters it maps onto (the same ones the GraphQL
 * {@code tasks(where:)} argument takes), one chip per filter with the words it came from, the words that
 * were not understood, and alternatives for ambiguous names.
 */
public record Interpretation(String question, Criteria criteria, List<Chip> chips, List<String> notUnderstood,
                             List<String> alternatives) {

    /** Filters on tasks; null means not constrained. Region fields hold six-digit codes. */
    public record Criteria(
            String department,
            String departmentRegion,
            String role,
            String region,
            String mentionsRegion,
            String pilotLevel,
            String pilotRegion,
            String pilotInstitution,
            String indicatorDeadline,
            Integer year,
            String documentRegion,
            String documentLevel) {}

    /** One understood piece: the filter field, its value, and the words of the question it came from. */
    public record Chip(String field, String value, String words) {}
}
