package org.policygraph.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF vectors of tasks over one corpus, compared by cosine similarity.
 *
 * <p>A task's terms are the content words of its text (responsibility clause removed) plus every
 * domain-lexicon term that occurs in it verbatim (HanLP splits 带量采购 into 带量 + 采购; the lexicon
 * keeps the compound as one more feature). Words of the title count {@code titleBoost} extra
 * times. Term frequency is sublinear (1 + ln tf); IDF is ln(1 + N / df) over the corpus.
 */
final class TermVectors {

    /** A similarity with its evidence: shared terms, strongest contribution first. */
    record Similarity(double score, List<String> sharedTerms) {}

    private final Map<String, Map<String, Double>> vectorByTask;
    private final int sharedTermLimit;

    TermVectors(Collection<TaskText> corpus, Segmenter segmenter, Set<String> lexicon, double titleBoost,
            int sharedTermLimit) {
        this.sharedTermLimit = sharedTermLimit;
        this.vectorByTask = new HashMap<>();
        Map<String, Map<String, Double>> frequencies = new LinkedHashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (TaskText task : corpus) {
            Map<String, Double> tf = frequencies(task, segmenter, lexicon, titleBoost);
            frequencies.put(task.key(), tf);
            tf.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        int n = frequencies.size();
        frequencies.forEach((key, tf) -> {
            String[] terms = tf.keySet().toArray(String[]::new);
            double[] counts = tf.values().stream().mapToDouble(Double::doubleValue).toArray();
            int[] df = new int[terms.length];
            for (int i = 0; i < terms.length; i++) {
                df[i] = documentFrequency.get(terms[i]);
            }
            vectorByTask.put(key, vector(terms, counts, df, n));
        });
    }

    /** Vectors computed elsewhere ({@link TermIndex}), by task key. */
    TermVectors(Map<String, Map<String, Double>> vectorByTask, int sharedTermLimit) {
        this.vectorByTask = vectorByTask;
        this.sharedTermLimit = sharedTermLimit;
    }

    /**
     * A task's term frequencies: content words, domain-lexicon terms found verbatim, title words with
     * {@code titleBoost} each. The map's iteration order is the order {@link #vector} must be given
     * the terms in for bit-identical weights.
     */
    static Map<String, Double> frequencies(TaskText task, Segmenter segmenter, Set<String> lexicon, double titleBoost) {
        Map<String, Double> tf = new HashMap<>();
        String content = task.content();
        segmenter.words(content).forEach(word -> tf.merge(word, 1.0, Double::sum));
        for (String term : lexicon) {
            int count = occurrences(content, term);
            if (count > 0) {
                tf.merge(term, (double) count, Double::sum);
            }
        }
        for (String word : segmenter.words(task.titleOrEmpty())) {
            tf.merge(word, titleBoost, Double::sum);
        }
        return tf;
    }

    /**
     * The normalized TF-IDF vector of one task: {@code terms[i]} occurs {@code counts[i]} times in the
     * task and in {@code df[i]} of the {@code n} tasks of the corpus. Sums are taken in the given order.
     */
    static Map<String, Double> vector(String[] terms, double[] counts, int[] df, int n) {
        Map<String, Double> vector = new HashMap<>();
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            double weight = (1 + Math.log(counts[i])) * Math.log(1 + (double) n / df[i]);
            vector.put(terms[i], weight);
            norm += weight * weight;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            vector.replaceAll((term, weight) -> weight / length);
        }
        return vector;
    }

    /** Cosine similarity of two tasks of the corpus: {@link #similarity}'s score, without its evidence. */
    double score(String taskKey, String otherTaskKey) {
        return dot(taskKey, otherTaskKey, null);
    }

    /** Cosine similarity of two tasks of the corpus, with the terms that make it up. */
    Similarity similarity(String taskKey, String otherTaskKey) {
        List<Map.Entry<String, Double>> contributions = new ArrayList<>();
        double score = dot(taskKey, otherTaskKey, contributions);
        contributions.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> shared = contributions.stream().limit(sharedTermLimit).map(Map.Entry::getKey).toList();
        return new Similarity(score, shared);
    }

    /**
     * The dot product of two tasks' vectors, summed over the smaller one in its order (the same sum for
     * {@link #score} and {@link #similarity}, bit for bit); each shared term's product is added to
     * {@code contributions} unless that is null.
     */
    private double dot(String taskKey, String otherTaskKey, List<Map.Entry<String, Double>> contributions) {
        Map<String, Double> a = vectorByTask.getOrDefault(taskKey, Map.of());
        Map<String, Double> b = vectorByTask.getOrDefault(otherTaskKey, Map.of());
        if (a.size() > b.size()) {
            Map<String, Double> swap = a;
            a = b;
            b = swap;
        }
        double score = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                double product = e.getValue() * other;
                score += product;
                if (contributions != null) {
                    contributions.add(Map.entry(e.getKey(), product));
                }
            }
        }
        return score;
    }

    private static int occurrences(String text, String term) {
        int count = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
            count++;
        }
        return count;
    }
}
