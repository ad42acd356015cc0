package org.policygraph.link;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code policygraph.link.*} settings; application.yml documents each one.
 *
 * @param onLoad link each document (themes, task alignment) right after it is loaded
 * @param alignment task alignment across levels
 * @param yearOverYear comparison of one issuer's documents across years
 * @param termIndexFile where the term statistics of the loaded tasks are kept between runs; null: not kept
 */
@ConfigurationProperties("policygraph.link")
public record LinkProperties(Boolean onLoad, Alignment alignment, YearOverYear yearOverYear, Path termIndexFile) {

    public LinkProperties {
        onLoad = onLoad == null ? Boolean.TRUE : onLoad;
        alignment = alignment == null ? new Alignment(null, null, null, null, null) : alignment;
        yearOverYear = yearOverYear == null ? new YearOverYear(null, null) : yearOverYear;
    }

    /**
     * @param top IMPLEMENTS relationships kept per lower task and higher level
     * @param titleBoost extra occurrences counted for each word of a task's title
     * @param minScore similarity below which no IMPLEMENTS is written
     * @param sharedTerms shared terms kept as evidence on a relationship
     * @param documentsPerTransaction lower documents whose IMPLEMENTS are rewritten per write transaction
     */
    public record Alignment(Integer top, Double titleBoost, Double minScore, Integer sharedTerms,
            Integer documentsPerTransaction) {
        public Alignment {
            top = top == null ? 3 : top;
            titleBoost = titleBoost == null ? 2.0 : titleBoost;
            minScore = minScore == null ? 0.05 : minScore;
            sharedTerms = sharedTerms == null ? 8 : sharedTerms;
            documentsPerTransaction = documentsPerTransaction == null ? 50 : documentsPerTransaction;
            if (documentsPerTransaction < 1) {
                throw new IllegalArgumentException(
                        "policygraph.link.alignment.documents-per-transaction must be at least 1, not "
                        + documentsPerTransaction);
            }
        }
    }

    /**
     * @param keptThreshold similarity from which a task of the later year continues one of the earlier year
     * @param subjectThreshold similarity of indicator subjects from which two indicators measure the same thing
     */
    public record YearOverYear(Double keptThreshold, Double subjectThreshold) {
        public YearOverYear {
            keptThreshold = keptThreshold == null ? 0.35 : keptThreshold;
            subjectThreshold = subjectThreshold == null ? 0.5 : subjectThreshold;
        }
    }
}
