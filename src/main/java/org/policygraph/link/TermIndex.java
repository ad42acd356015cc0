package org.policygraph.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policygraph.graph.LinkStore;

/**
 * The term statistics of every loaded task, kept in memory between alignments so that aligning one
 * document (or a batch) does not read and segment every task of the graph again: per document, the
 * term frequencies of its tasks ({@link TermVectors#frequencies}, computed once), and over all of
 * them the document frequency of each term and the number of tasks. {@link #vectors} then gives the
 * same TF-IDF vectors as {@link TermVectors} built over every loaded task, bit for bit, but only for
 * the tasks asked for.
 *
 * <p>{@link #sync} brings it up to date with the graph: a document that is gone is subtracted, one
 * that is new, was reloaded ({@code reloaded}) or whose fingerprint (content hash and number of tasks)
 * changed is read and segmented again. Term texts are interned to ids; a task keeps two arrays.
 * Not thread-safe: {@link TaskAligner} calls it under its own lock.
 */
final class TermIndex {

    /** A task's terms (ids) and frequencies, in the iteration order of its frequency map. */
    record IndexedTask(String key, int ordinal, int[] terms, double[] counts) {}

    private record Entry(String fingerprint, List<IndexedTask> tasks) {}

    /** Documents read per query when many must be (re)read, to bound the memory of one read. */
    private static final int READ_CHUNK = 500;

    private final TaskTerms settings;
    private final Map<String, Integer> termIds = new HashMap<>();
    private final List<String> termTexts = new ArrayList<>();
    private int[] documentFrequency = new int[1024];
    private int taskCount;
    private final Map<String, Entry> documents = new HashMap<>();

    TermIndex(TaskTerms settings) {
        this.settings = settings;
    }

    /** Forgets everything; the next {@link #sync} reads every document again. */
    void clear() {
        termIds.clear();
        termTexts.clear();
        documentFrequency = new int[1024];
        taskCount = 0;
        documents.clear();
    }

    /**
     * Makes the index match the graph's loaded documents: {@code fingerprints} maps each document key
     * to its fingerprint; the documents in {@code reloaded} are read again whatever their fingerprint.
     */
    void sync(Map<String, String> fingerprints, Collection<String> reloaded, LinkStore store) {
        Set<String> stale = new HashSet<>(reloaded);
        for (Map.Entry<String, Entry> e : List.copyOf(documents.entrySet())) {
            String fingerprint = fingerprints.get(e.getKey());
            if (fingerprint == null || !fingerprint.equals(e.getValue().fingerprint()) || stale.contains(e.getKey())) {
                remove(e.getKey());
            }
        }
        List<String> missing = new ArrayList<>();
        fingerprints.keySet().forEach(key -> {
            if (!documents.containsKey(key)) {
                missing.add(key);
            }
        });
        missing.sort(null);
        for (int from = 0; from < missing.size(); from += READ_CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + READ_CHUNK));
            Map<String, List<TaskText>> byDocument = new LinkedHashMap<>();
            chunk.forEach(key -> byDocument.put(key, new ArrayList<>()));
            List<TaskText> read = store.tasks(chunk).stream().map(TaskText::of).toList();
            // Segmenting is most of the cost and needs nothing of the index: on every core.
            Map<String, Map<String, Double>> frequencies = new HashMap<>();
            read.parallelStream().map(task -> Map.entry(task.key(), TermVectors.frequencies(task, settings.segmenter(),
                    settings.lexicon(), settings.titleBoost()))).toList().forEach(e -> frequencies.put(e.getKey(), e.getValue()));
            for (TaskText task : read) {
                byDocument.get(task.docKey()).add(task);
            }
            byDocument.forEach((key, tasks) -> add(key, fingerprints.get(key), tasks, frequencies));
        }
    }

    private void add(String documentKey, String fingerprint, List<TaskText> tasks,
            Map<String, Map<String, Double>> frequencyByTask) {
        List<IndexedTask> entries = new ArrayList<>(tasks.size());
        for (TaskText task : tasks) {
            Map<String, Double> tf = frequencyByTask.get(task.key());
            int[] ids = new int[tf.size()];
            double[] counts = new double[tf.size()];
            int i = 0;
            for (Map.Entry<String, Double> e : tf.entrySet()) {
                int id = termIds.computeIfAbsent(e.getKey(), term -> {
                    termTexts.add(term);
                    return termTexts.size() - 1;
                });
                if (id >= documentFrequency.length) {
                    documentFrequency = Arrays.copyOf(documentFrequency, Math.max(id + 1, documentFrequency.length * 2));
                }
                documentFrequency[id]++;
                ids[i] = id;
                counts[i] = e.getValue();
                i++;
            }
            entries.add(new IndexedTask(task.key(), task.ordinal(), ids, counts));
        }
        taskCount += entries.size();
        documents.put(documentKey, new Entry(fingerprint, entries));
    }

    private void remove(String documentKey) {
        Entry entry = documents.remove(documentKey);
        if (entry != null) {
            for (IndexedTask task : entry.tasks()) {
                for (int id : task.terms()) {
                    documentFrequency[id]--;
                }
            }
            taskCount -= entry.tasks().size();
        }
    }

    /** The tasks of a document known to the index, by ordinal (empty when it has none). */
    List<IndexedTask> tasks(String documentKey) {
        Entry entry = documents.get(documentKey);
        return entry == null ? List.of() : entry.tasks();
    }

    /** TF-IDF vectors over every task of the index, for the tasks of the given documents only. */
    TermVectors vectors(Collection<String> documentKeys) {
        Map<String, Map<String, Double>> vectors = new HashMap<>();
        for (String documentKey : documentKeys) {
            for (IndexedTask task : tasks(documentKey)) {
                String[] terms = new String[task.terms().length];
                int[] df = new int[terms.length];
                for (int i = 0; i < terms.length; i++) {
                    terms[i] = termTexts.get(task.terms()[i]);
                    df[i] = documentFrequency[task.terms()[i]];
                }
                vectors.put(task.key(), TermVectors.vector(terms, task.counts(), df, taskCount));
            }
        }
        return new TermVectors(vectors, settings.sharedTerms());
    }

    int taskCount() {
        return taskCount;
    }
}
