package org.policygraph.evaluate;

import java.util.List;

/**
 * What {@link Scorer} found: per gold document and over all of them (micro-averaged), plus the report
 * lines exactly as score.py prints them.
 */
public record Evaluation(List<DocumentScore> documents, Summary all, List<String> report) {

    /** The mean of the department, region, pilot-site and indicator F1 over all documents. */
    public double overallF1() {
        return all.overallF1();
    }

    /** One gold file; {@code prediction} says whether its prediction was there and readable. */
    public record DocumentScore(String name, Prediction prediction, Summary scores) {}

    public enum Prediction { READ, MISSING, UNREADABLE }

    public record Summary(
            Fraction document,
            int tasksPredicted,
            int tasksGold,
            Fraction titles,
            Fraction lead,
            Category departments,
            Category regions,
            Category pilotSites,
            Category indicators,
            Fraction comparator,
            Fraction deadline,
            double overallF1) {}

    public record Category(int tp, int fp, int fn, double precision, double recall, double f1) {}

    public record Fraction(int hit, int total, double value) {}
}
