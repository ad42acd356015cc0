package org.policygraph.link;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.policygraph.graph.LinkStore;

/**
 * The term statistics of every loaded task, kept in memory between alignments so that aligning one
 * document (or a batch) does not read and segment every task of the graph again: over all tasks the
 * document frequency of each term and the number of tasks, and per document what it adds to them.
 * {@link #vectors} then gives the same TF-IDF vectors as {@link TermVectors} built over every loaded
 * task, bit for bit, but only for the tasks asked for.
 *
 * <p>The term frequencies of each task ({@link TermVectors#frequencies}) are kept only for the
 * documents that can be a target of alignment (a level with a level below it): those are compared
 * with every document loaded below them. A document of the lowest level is only ever the lower side,
 * aligned when it is loaded or when a document above it arrives; it keeps just its contribution to
 * the document frequencies (each distinct term with the number of its tasks that have it), and its
 * tasks are read and segmented again in the rare case that it is aligned later. Most documents of a
 * corpus are counties', so this keeps the index to about a tenth of what every task's vector takes.
 *
 * <p>{@link #sync} brings it up to date with the graph: a document that is gone is subtracted, one
 * that is new, was reloaded ({@code reloaded}), whose fingerprint changed (the digest of its tasks' texts;
 * for a document loaded before there was one, its content hash, extraction hash and task count) or that
 * moved between keeping and not keeping its tasks is read and segmented again. Term
 * texts are interned to ids; a kept task holds two arrays. Not thread-safe: {@link TaskAligner} calls
 * it under its own lock.
 *
 * <p>{@link #save} and {@link #load} keep it in a file between runs: built again, it reads and segments
 * every task of the graph (three minutes for 54,000 documents on two cores). What a file says of a
 * document counts only while the document's fingerprint is the same ({@link #sync}), so a file older
 * than the graph, or written for another graph, costs reading what differs and is never wrong; one
 * written with other term settings (segmenter, lexicon, weights) is not read at all.
 */
final class TermIndex {

    /** A task's terms (ids) and frequencies, in the iteration order of its frequency map. */
    record IndexedTask(String key, int ordinal, int[] terms, double[] counts) {}

    /**
     * One document's part of the statistics: its tasks when it keeps them, otherwise its distinct terms
     * with the number of its tasks that have each, packed one int a term ({@link #pack}).
     */
    private record Entry(String fingerprint, int taskCount, List<IndexedTask> tasks, int[] packedTerms) {

        boolean keepsTasks() {
            return tasks != null;
        }
    }

    /** Bits of a packed term count (the rest hold the term id); a larger count takes several entries. */
    static final int COUNT_BITS = 8;
    static final int MAX_PACKED_COUNT = (1 << COUNT_BITS) - 1;
    private static final int MAX_PACKED_TERM_ID = (1 << (Integer.SIZE - COUNT_BITS)) - 1;

    /** Identifies an index file and the version of its layout. */
    private static final int FILE_MAGIC = 0x50475449;
    private static final int FILE_FORMAT = 1;

    /** Documents read per query when many must be (re)read, to bound the memory of one read. */
    private static final int READ_CHUNK = 500;

    private final TaskTerms settings;
    private final Map<String, Integer> termIds = new HashMap<>();
    private final List<String> termTexts = new ArrayList<>();
    private int[] documentFrequency = new int[1024];
    private int taskCount;
    private final Map<String, Entry> documents = new HashMap<>();
    /** Tasks of documents that do not keep them, read for the alignment under way (until the next sync). */
    private final Map<String, List<IndexedTask>> readForNow = new HashMap<>();
    /** Documents added or removed since the index was created; only grows. */
    private long changes;

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
        readForNow.clear();
    }

    /**
     * Makes the index match the graph's loaded documents: {@code fingerprints} maps each document key
     * to its fingerprint; the documents in {@code reloaded} are read again whatever their fingerprint.
     * {@code keepsTasks} says which documents keep their tasks; after the call {@link #tasks} has the
     * tasks of every document of {@code needed} (read again if need be).
     */
    void sync(Map<String, String> fingerprints, Collection<String> reloaded, Predicate<String> keepsTasks,
            Collection<String> needed, LinkStore store) {
        readForNow.clear();
        Set<String> stale = new HashSet<>(reloaded);
        for (Map.Entry<String, Entry> e : List.copyOf(documents.entrySet())) {
            String fingerprint = fingerprints.get(e.getKey());
            if (fingerprint == null || !fingerprint.equals(e.getValue().fingerprint()) || stale.contains(e.getKey())
                    || e.getValue().keepsTasks() != keepsTasks.test(e.getKey())) {
                remove(e.getKey());
            }
        }
        List<String> missing = new ArrayList<>();
        fingerprints.keySet().forEach(key -> {
            if (!documents.containsKey(key)) {
                missing.add(key);
            }
        });
        Set<String> neededNow = new HashSet<>(needed);
        missing.sort(null);
        read(missing, store, (key, tasks) -> {
            documents.put(key, entry(fingerprints.get(key), tasks, keepsTasks.test(key)));
            taskCount += tasks.size();
            changes++;
            if (!keepsTasks.test(key) && neededNow.contains(key)) {
                readForNow.put(key, tasks);
            }
        }, true);
        List<String> again = neededNow.stream()
                .filter(key -> documents.containsKey(key) && !documents.get(key).keepsTasks() && !readForNow.containsKey(key))
                .sorted().toList();
        read(again, store, readForNow::put, false);
    }

    /** Reads and segments the tasks of these documents; {@code counted}: adds them to the document frequencies. */
    private void read(List<String> keys, LinkStore store, BiConsumer<String, List<IndexedTask>> indexed, boolean counted) {
        for (int from = 0; from < keys.size(); from += READ_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + READ_CHUNK));
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
            byDocument.forEach((key, tasks) -> indexed.accept(key, index(tasks, frequencies, counted)));
        }
    }

    private List<IndexedTask> index(List<TaskText> tasks, Map<String, Map<String, Double>> frequencyByTask, boolean counted) {
        List<IndexedTask> indexed = new ArrayList<>(tasks.size());
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
                if (counted) {
                    documentFrequency[id]++;
                }
                ids[i] = id;
                counts[i] = e.getValue();
                i++;
            }
            indexed.add(new IndexedTask(task.key(), task.ordinal(), ids, counts));
        }
        return indexed;
    }

    private static Entry entry(String fingerprint, List<IndexedTask> tasks, boolean keepsTasks) {
        if (keepsTasks) {
            return new Entry(fingerprint, tasks.size(), List.copyOf(tasks), null);
        }
        Map<Integer, Integer> tasksByTerm = new HashMap<>();
        tasks.forEach(task -> Arrays.stream(task.terms()).forEach(id -> tasksByTerm.merge(id, 1, Integer::sum)));
        return new Entry(fingerprint, tasks.size(), null, pack(tasksByTerm));
    }

    /**
     * Term ids with counts, one int each: the id in the high 24 bits, the count (1..255) in the low 8; a
     * count above 255 is split over several entries. A county document has a few hundred distinct terms,
     * so this keeps its share in about a kilobyte and a half; 16 million distinct terms is far above any
     * vocabulary of the genre.
     */
    static int[] pack(Map<Integer, Integer> countByTerm) {
        int[] packed = new int[countByTerm.values().stream().mapToInt(c -> (c + MAX_PACKED_COUNT - 1) / MAX_PACKED_COUNT).sum()];
        int i = 0;
        for (Map.Entry<Integer, Integer> e : countByTerm.entrySet()) {
            if (e.getKey() > MAX_PACKED_TERM_ID) {
                throw new IllegalStateException("more than " + MAX_PACKED_TERM_ID + " distinct terms in the term index");
            }
            for (int left = e.getValue(); left > 0; left -= MAX_PACKED_COUNT) {
                packed[i++] = e.getKey() << COUNT_BITS | Math.min(left, MAX_PACKED_COUNT);
            }
        }
        return packed;
    }

    private void remove(String documentKey) {
        Entry entry = documents.remove(documentKey);
        if (entry == null) {
            return;
        }
        changes++;
        if (entry.keepsTasks()) {
            for (IndexedTask task : entry.tasks()) {
                for (int id : task.terms()) {
                    documentFrequency[id]--;
                }
            }
        } else {
            for (int packed : entry.packedTerms()) {
                documentFrequency[packed >>> COUNT_BITS] -= packed & MAX_PACKED_COUNT;
            }
        }
        taskCount -= entry.taskCount();
    }

    /**
     * The tasks of a document, by ordinal (empty when the index does not know it, or it does not keep
     * its tasks and the last {@link #sync} did not need them).
     */
    List<IndexedTask> tasks(String documentKey) {
        Entry entry = documents.get(documentKey);
        if (entry != null && entry.keepsTasks()) {
            return entry.tasks();
        }
        return readForNow.getOrDefault(documentKey, List.of());
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

    /** Documents known to the index, and how many of them keep their tasks (for tests and diagnostics). */
    int documentCount() {
        return documents.size();
    }

    int documentsKeepingTasks() {
        return (int) documents.values().stream().filter(Entry::keepsTasks).count();
    }

    /** Documents added or removed since the index was created (to tell whether it changed since it was saved). */
    long changes() {
        return changes;
    }

    /**
     * Writes the index to {@code file}, through a temporary file moved in its place, so that a reader
     * never sees half a file; {@code settings} names the term settings it was built with.
     */
    void save(Path file, String settings) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path written = Files.createTempFile(directory, file.getFileName().toString(), ".part");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(written), 1 << 16))) {
                out.writeInt(FILE_MAGIC);
                out.writeInt(FILE_FORMAT);
                out.writeUTF(settings);
                out.writeInt(taskCount);
                out.writeInt(termTexts.size());
                for (int id = 0; id < termTexts.size(); id++) {
                    out.writeUTF(termTexts.get(id));
                    out.writeInt(documentFrequency[id]);
                }
                out.writeInt(documents.size());
                for (Map.Entry<String, Entry> e : documents.entrySet()) {
                    Entry entry = e.getValue();
                    out.writeUTF(e.getKey());
                    out.writeUTF(entry.fingerprint());
                    out.writeInt(entry.taskCount());
                    out.writeBoolean(entry.keepsTasks());
                    if (entry.keepsTasks()) {
                        out.writeInt(entry.tasks().size());
                        for (IndexedTask task : entry.tasks()) {
                            out.writeUTF(task.key());
                            out.writeInt(task.ordinal());
                            out.writeInt(task.terms().length);
                            for (int i = 0; i < task.terms().length; i++) {
                                out.writeInt(task.terms()[i]);
                                out.writeDouble(task.counts()[i]);
                            }
                        }
                    } else {
                        out.writeInt(entry.packedTerms().length);
                        for (int packed : entry.packedTerms()) {
                            out.writeInt(packed);
                        }
                    }
                }
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /**
     * Replaces the index with the one saved in {@code file}. Returns false, the index left empty, when
     * there is no such file or it was written with other term settings or another layout; throws when
     * it cannot be read or does not hold together (the index is then empty too). Read whole before it
     * replaces anything.
     */
    boolean load(Path file, String settings) throws IOException {
        clear();
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FILE_MAGIC || in.readInt() != FILE_FORMAT || !in.readUTF().equals(settings)) {
                return false;
            }
            int tasks = in.readInt();
            int terms = count(in.readInt(), MAX_PACKED_TERM_ID + 1, "terms");
            List<String> texts = new ArrayList<>(Math.max(0, Math.min(terms, 1 << 20)));
            Map<String, Integer> ids = new HashMap<>();
            int[] frequency = new int[Math.max(1024, terms)];
            for (int id = 0; id < terms; id++) {
                String term = in.readUTF();
                texts.add(term);
                ids.put(term, id);
                frequency[id] = in.readInt();
            }
            int documentCount = in.readInt();
            Map<String, Entry> read = new HashMap<>();
            for (int d = 0; d < documentCount; d++) {
                String key = in.readUTF();
                String fingerprint = in.readUTF();
                int tasksOfDocument = in.readInt();
                if (in.readBoolean()) {
                    int kept = in.readInt();
                    List<IndexedTask> indexed = new ArrayList<>(Math.min(kept, MAX_TASKS_READ));
                    for (int t = 0; t < kept; t++) {
                        String taskKey = in.readUTF();
                        int ordinal = in.readInt();
                        int[] termIdsOfTask = new int[count(in.readInt(), terms, "terms of a task")];
                        double[] counts = new double[termIdsOfTask.length];
                        for (int i = 0; i < termIdsOfTask.length; i++) {
                            termIdsOfTask[i] = termId(in.readInt(), terms);
                            counts[i] = in.readDouble();
                        }
                        indexed.add(new IndexedTask(taskKey, ordinal, termIdsOfTask, counts));
                    }
                    read.put(key, new Entry(fingerprint, tasksOfDocument, List.copyOf(indexed), null));
                } else {
                    int[] packed = new int[count(in.readInt(), terms * 8 + 1, "packed terms of a document")];
                    for (int i = 0; i < packed.length; i++) {
                        packed[i] = in.readInt();
                        termId(packed[i] >>> COUNT_BITS, terms);
                    }
                    read.put(key, new Entry(fingerprint, tasksOfDocument, null, packed));
                }
            }
            if (in.read() != -1) {
                throw new IOException("data after the last document");
            }
            termTexts.addAll(texts);
            termIds.putAll(ids);
            documentFrequency = frequency;
            taskCount = tasks;
            documents.putAll(read);
            return true;
        } catch (RuntimeException e) {
            throw new IOException("unreadable term index: " + e, e);
        }
    }

    /** Most tasks of a document a file is trusted to announce before they are read (ten times the most a notice has). */
    private static final int MAX_TASKS_READ = 10_000;

    /** A count read from a file, checked before anything is allocated for it (a damaged file may say anything). */
    private static int count(int count, int most, String what) throws IOException {
        if (count < 0 || count > most) {
            throw new IOException(count + " " + what + " in the file, more than the " + most + " it can hold");
        }
        return count;
    }

    private static int termId(int id, int terms) throws IOException {
        if (id < 0 || id >= terms) {
            throw new IOException("term id " + id + " outside the " + terms + " terms of the file");
        }
        return id;
    }
}
