package org.policygraph.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * Names the settings a task's terms depend on (segmenter rules and genre words, lexicon, title
     * boost), as a SHA-256 digest: a term index saved with other settings is not read.
     */
    String settingsDigest() {
        String settings = segmenter.rules() + "|" + String.join(",", new TreeSet<>(lexicon)) + "|" + titleBoost();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
