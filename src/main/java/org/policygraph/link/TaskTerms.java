package org.policygraph.link;

import java.util.Collection;
import java.util.Set;

/** Builds {@link TermVectors} with the configured segmenter, lexicon and weights. */
final class TaskTerms {

    private final Segmenter segmenter;
    private final Set<String> lexicon;
    private final LinkProperties.Alignment settings;

    TaskTerms(Segmenter segmenter, Set<String> lexicon, LinkProperties.Alignment settings) {
        this.segmenter = segmenter;
        this.lexicon = Set.copyOf(lexicon);
        this.settings = settings;
    }

    TermVectors vectors(Collection<TaskText> corpus) {
        return new TermVectors(corpus, segmenter, lexicon, settings.titleBoost(), settings.sharedTerms());
    }

    Segmenter segmenter() {
        return segmenter;
    }

    Set<String> lexicon() {
        return lexicon;
    }

    double titleBoost() {
        return settings.titleBoost();
    }

    int sharedTerms() {
        return settings.sharedTerms();
    }
}
