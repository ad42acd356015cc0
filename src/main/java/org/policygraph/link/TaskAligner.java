package org.policygraph.link;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.graph.LinkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Aligns the tasks of a lower-level document with the tasks of the higher-level documents it
 * implements, and writes {@code (lower:Task)-[:IMPLEMENTS {score, sharedTerms, rank}]->(higher:Task)}.
 *
 * <p>The higher documents of a lower one: for each higher level (national, provincial, city), the
 * documents of that level whose region contains the lower document's region (a national document
 * contains every region), nearest in year; on a tie in distance the earlier year wins, since a
 * document implements what was issued before it. Each lower task gets its {@code top} most similar
 * tasks among the tasks of its higher documents of each level ({@link TermVectors}: TF-IDF over every
 * loaded task), rank 1 first: at most {@code top} a level however many documents its issuers published
 * that year (a county task takes up the best of its city's work plans, not three tasks of each).
 * The term statistics of every loaded task are kept in memory ({@link TermIndex}) and updated as
 * documents are loaded, so aligning a document reads and segments only the new or reloaded ones (and,
 * when a document arrives above them, the lowest-level documents it becomes a target of: the index
 * keeps the tasks of possible targets only).
 *
 * <p>Writing is idempotent: the IMPLEMENTS of every recomputed lower document are deleted first, in
 * the same transaction as its new ones are written (a transaction holds a few documents).
 */
@Component
public class TaskAligner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TaskAligner.class);

    /** One IMPLEMENTS relationship. */
    public record Alignment(String lowerTaskKey, String higherTaskKey, double score, List<String> sharedTerms, int rank) {}

    private final LinkStore store;
    private final RegionGazetteer gazetteer = RegionGazetteer.load();
    private final LinkProperties.Alignment settings;
    /** Term statistics of every loaded task, kept between alignments; guarded by itself. */
    private final TermIndex index;
    /** Where the index is kept between runs ({@code policygraph.link.term-index-file}); null: nowhere. */
    private final Path indexFile;
    private final String termSettings;
    /** Guarded by {@link #index}: whether the file was read, and the index's changes when it was last read or written. */
    private boolean indexFileRead;
    private long changesInFile;

    TaskAligner(LinkStore store, TaskTerms terms, LinkProperties properties) {
        this.store = store;
        this.settings = properties.alignment();
        this.index = new TermIndex(terms);
        this.indexFile = properties.termIndexFile();
        this.termSettings = terms.settingsDigest();
    }

    /**
     * Writes the term index to {@code policygraph.link.term-index-file} if it changed since it was read
     * or last written. A failure is logged: the next run builds the index again.
     */
    public void saveTermIndex() {
        synchronized (index) {
            if (indexFile == null || index.changes() == changesInFile) {
                return;
            }
            long started = System.nanoTime();
            try {
                index.save(indexFile, termSettings);
                changesInFile = index.changes();
                log.info("Term index of {} documents written to {} in {} ms", index.documentCount(), indexFile,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot write the term index to {} (the next run builds it again): {}", indexFile, e.toString());
            }
        }
    }

    @Override
    public void destroy() {
        saveTermIndex();
    }

    /** Under the lock of {@link #index}: reads the index file the first time the index is needed. */
    private void readIndexFileOnce() {
        if (indexFileRead || indexFile == null) {
            return;
        }
        indexFileRead = true;
        long started = System.nanoTime();
        try {
            if (index.load(indexFile, termSettings)) {
                log.info("Term index of {} documents read from {} in {} ms", index.documentCount(), indexFile,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (IOException e) {
            log.warn("Cannot read the term index {} (built again from the graph): {}", indexFile, e.toString());
        }
        changesInFile = index.changes();
    }

    /**
     * Recomputes the alignment of every loaded document from scratch (every task read and segmented
     * again); returns the number of IMPLEMENTS written.
     */
    public int alignAll() {
        LinkStore.LoadedDocuments loaded = store.loadedDocuments();
        synchronized (index) {
            indexFileRead = true;
            index.clear();
        }
        return write(loaded, loaded.documents(), List.of());
    }

    /**
     * Recomputes what a (re)load of this document affects: its own tasks as the lower side, and the
     * documents below it that may now align to it. Returns the number of IMPLEMENTS written.
     */
    public int align(String documentKey) {
        return align(List.of(documentKey));
    }

    /**
     * Recomputes what a (re)load of these documents affects, once for all of them: their own tasks as
     * the lower side, and each document below them whose targets now include one of them. Gives what
     * {@link #align(String)} of each document would give once they are all loaded. Returns the number
     * of IMPLEMENTS written.
     */
    public int align(Collection<String> documentKeys) {
        return align(documentKeys, LinkStage.Before.NOTHING);
    }

    /**
     * {@link #align(Collection)} after a reload: the documents that implemented a reloaded document
     * that moved (another level, region or year; {@code before}) are recomputed too, as it may no longer
     * be their target and another document may be.
     *
     * <p>The loaded documents and {@code alsoAffected} are aligned from scratch. A document below them
     * that now has one of them among its targets is aligned again at that level only (its best tasks
     * among all its targets of the level, the newcomer's included; those of a year the newcomer
     * superseded gone); its IMPLEMENTS into the other levels stay as they are. Rewriting them all would
     * delete and create the same relationships again, the dearest write there is, for every document
     * below a provincial one.
     */
    public int align(Collection<String> documentKeys, LinkStage.Before before) {
        return align(documentKeys, before, store.loadedDocuments(), Set.of()).alignments();
    }

    /**
     * What an alignment wrote: IMPLEMENTS, and how many documents outside those aligned were aligned
     * again at a level because one of them arrived among their targets.
     */
    record Written(int alignments, int realignedDocuments) {}

    /**
     * {@link #align(Collection, LinkStage.Before)} as if the {@code unlinked} documents were not loaded:
     * documents loaded but not linked yet, outside {@code documentKeys}. Their own linking comes later
     * (a concurrent upload's, or the pending documents' at start) and aligns them, and what lies below
     * them, as if they had just been loaded; seen now, they would be aligned to twice. {@code loaded} is
     * {@link LinkStore#loadedDocuments} as read for this linking.
     */
    Written align(Collection<String> documentKeys, LinkStage.Before before, LinkStore.LoadedDocuments loaded,
            Set<String> unlinked) {
        List<LinkStore.DocumentInfo> documents = loaded.documents().stream()
                .filter(d -> !unlinked.contains(d.key())).toList();
        Map<String, String> fingerprints = new HashMap<>(loaded.fingerprints());
        fingerprints.keySet().removeAll(unlinked);
        Set<String> keys = new HashSet<>(documentKeys);
        Set<String> recompute = new HashSet<>(before.realign(documents));
        recompute.addAll(keys);
        DocumentsAbove higher = new DocumentsAbove(documents.stream().filter(d -> keys.contains(d.key()) && canBeAbove(d)).toList());
        DocumentsAbove possibleTargets = new DocumentsAbove(documents.stream().filter(TaskAligner::canBeAbove).toList());
        Map<String, List<LinkStore.DocumentInfo>> targetsByLower = new LinkedHashMap<>();
        Map<String, List<LinkStore.DocumentInfo>> realignedByLower = new LinkedHashMap<>();
        for (LinkStore.DocumentInfo document : documents) {
            if (recompute.contains(document.key())) {
                targetsByLower.put(document.key(), targets(document, possibleTargets.above(document)));
            } else {
                List<LinkStore.DocumentInfo> newcomersAbove = higher.above(document);
                if (newcomersAbove.stream().allMatch(h -> isLater(h, document))) {
                    continue;
                }
                List<LinkStore.DocumentInfo> targets = targets(document, possibleTargets.above(document));
                Set<String> levels = new TreeSet<>();
                newcomersAbove.stream().filter(targets::contains).forEach(h -> levels.add(h.level()));
                if (!levels.isEmpty()) {
                    realignedByLower.put(document.key(), targets.stream().filter(t -> levels.contains(t.level())).toList());
                }
            }
        }
        // A document being linked is read again unless its fingerprint says its task texts are the ones
        // the index holds (a document extracted again with the same tasks is then not segmented again).
        List<String> reread = documentKeys.stream()
                .filter(key -> !LinkStore.namesTaskTexts(fingerprints.get(key))).toList();
        Map<String, List<Alignment>> alignments = compute(documents, fingerprints, targetsByLower,
                realignedByLower, reread);
        int written = 0;
        List<String> recomputed = List.copyOf(targetsByLower.keySet());
        for (List<String> chunk : chunks(recomputed)) {
            store.replaceImplements(chunk, rows(chunk, alignments));
            written += chunk.stream().mapToInt(k -> alignments.getOrDefault(k, List.of()).size()).sum();
        }
        for (List<String> chunk : chunks(List.copyOf(realignedByLower.keySet()))) {
            store.replaceImplementsAtLevels(chunk.stream().map(lower -> realignedLevels(lower, realignedByLower.get(lower)))
                    .toList(), rows(chunk, alignments));
            written += chunk.stream().mapToInt(k -> alignments.getOrDefault(k, List.of()).size()).sum();
        }
        return new Written(written, realignedByLower.size());
    }

    /** Documents in the term index, and those of them whose task vectors it keeps (for tests). */
    int indexedDocuments() {
        synchronized (index) {
            return index.documentCount();
        }
    }

    /** Documents added to or removed from the term index since it was created (for tests: a document read again counts). */
    long indexChanges() {
        synchronized (index) {
            return index.changes();
        }
    }

    int indexedDocumentsKeepingTasks() {
        synchronized (index) {
            return index.documentsKeepingTasks();
        }
    }

    /** The alignments of one lower document as they would be written, without writing them. */
    public List<Alignment> alignments(String lowerDocumentKey) {
        LinkStore.LoadedDocuments loaded = store.loadedDocuments();
        List<LinkStore.DocumentInfo> documents = loaded.documents();
        Map<String, List<LinkStore.DocumentInfo>> targets = new HashMap<>();
        DocumentsAbove above = new DocumentsAbove(documents);
        documents.stream().filter(d -> d.key().equals(lowerDocumentKey))
                .forEach(d -> targets.put(d.key(), targets(d, above.above(d))));
        return compute(documents, loaded.fingerprints(), targets, Map.of(), List.of())
                .getOrDefault(lowerDocumentKey, List.of());
    }

    private int write(LinkStore.LoadedDocuments loaded, List<LinkStore.DocumentInfo> lower,
            Collection<String> reloaded) {
        List<LinkStore.DocumentInfo> documents = loaded.documents();
        Map<String, List<LinkStore.DocumentInfo>> targetsByLower = new LinkedHashMap<>();
        DocumentsAbove above = new DocumentsAbove(documents.stream().filter(TaskAligner::canBeAbove).toList());
        lower.forEach(d -> targetsByLower.put(d.key(), targets(d, above.above(d))));
        Map<String, List<Alignment>> alignments = compute(documents, loaded.fingerprints(), targetsByLower, Map.of(),
                reloaded);
        int written = 0;
        for (List<String> chunk : chunks(lower.stream().map(LinkStore.DocumentInfo::key).toList())) {
            store.replaceImplements(chunk, rows(chunk, alignments));
            written += chunk.stream().mapToInt(k -> alignments.getOrDefault(k, List.of()).size()).sum();
        }
        return written;
    }

    /** The levels of a realigned lower document: those of the targets it is aligned to again. */
    private static LinkStore.RealignedLevels realignedLevels(String lowerKey, List<LinkStore.DocumentInfo> targets) {
        return new LinkStore.RealignedLevels(lowerKey, targets.stream().map(LinkStore.DocumentInfo::level)
                .distinct().sorted().toList());
    }

    /**
     * A few documents per transaction: a bulk load or alignAll can recompute thousands of documents,
     * more than one transaction may hold in memory. Each document's delete and create stay together.
     */
    private List<List<String>> chunks(List<String> keys) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += settings.documentsPerTransaction()) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + settings.documentsPerTransaction())));
        }
        return chunks;
    }

    private static List<LinkStore.Implements> rows(List<String> lowerKeys, Map<String, List<Alignment>> alignments) {
        List<LinkStore.Implements> rows = new ArrayList<>();
        for (String key : lowerKeys) {
            for (Alignment a : alignments.getOrDefault(key, List.of())) {
                rows.add(new LinkStore.Implements(a.lowerTaskKey(), a.higherTaskKey(), a.score(), a.sharedTerms(), a.rank()));
            }
        }
        return rows;
    }

    /**
     * The alignments of each lower document to its targets, by its key: per level of the targets given,
     * every target of that level for those of {@code targetsByLower} and {@code realignedByLower} alike.
     *
     * @param documents the loaded documents this alignment sees (all, or all but those not linked yet)
     * @param fingerprints the fingerprint of each of {@code documents} ({@link LinkStore#loadedDocuments}):
     *     the term statistics are those of these documents
     * @param reloaded documents whose tasks changed since the index last saw them
     */
    private Map<String, List<Alignment>> compute(List<LinkStore.DocumentInfo> documents,
            Map<String, String> fingerprints, Map<String, List<LinkStore.DocumentInfo>> targetsByLower,
            Map<String, List<LinkStore.DocumentInfo>> realignedByLower, Collection<String> reloaded) {
        Map<String, List<LinkStore.DocumentInfo>> pairs = new LinkedHashMap<>();
        targetsByLower.forEach((lower, targets) -> {
            if (!targets.isEmpty()) {
                pairs.put(lower, targets);
            }
        });
        pairs.putAll(realignedByLower);
        if (pairs.isEmpty()) {
            return Map.of();
        }
        Set<String> involved = new LinkedHashSet<>();
        pairs.forEach((lower, targets) -> {
            involved.add(lower);
            targets.forEach(t -> involved.add(t.key()));
        });
        // IDF over every loaded task, so that a score does not depend on which documents were recomputed;
        // the index keeps the term frequencies of every task, so only new or reloaded documents are read.
        Set<String> possibleTargets = new HashSet<>();
        documents.stream().filter(TaskAligner::canBeAbove).forEach(d -> possibleTargets.add(d.key()));
        TermVectors vectors;
        Map<String, List<TermIndex.IndexedTask>> tasksByDocument = new HashMap<>();
        synchronized (index) {
            readIndexFileOnce();
            index.sync(fingerprints, reloaded, possibleTargets::contains, involved, store);
            vectors = index.vectors(involved);
            involved.forEach(key -> tasksByDocument.put(key, index.tasks(key)));
        }
        // Scoring reads only the vectors: every lower task is scored on its own, on every core.
        record LowerTask(String documentKey, TermIndex.IndexedTask task, Collection<List<TermIndex.IndexedTask>> candidatesByLevel) {}
        List<LowerTask> lowerTasks = new ArrayList<>();
        Map<String, List<Alignment>> alignments = new HashMap<>();
        pairs.forEach((lowerKey, targets) -> {
            alignments.put(lowerKey, new ArrayList<>());
            Map<String, List<TermIndex.IndexedTask>> candidatesByLevel = new TreeMap<>();
            for (LinkStore.DocumentInfo target : targets) {
                candidatesByLevel.computeIfAbsent(target.level(), k -> new ArrayList<>())
                        .addAll(tasksByDocument.getOrDefault(target.key(), List.of()));
            }
            for (TermIndex.IndexedTask task : tasksByDocument.getOrDefault(lowerKey, List.of())) {
                lowerTasks.add(new LowerTask(lowerKey, task, candidatesByLevel.values()));
            }
        });
        List<List<Alignment>> best = lowerTasks.parallelStream().map(lower -> {
            List<Alignment> ofTask = new ArrayList<>();
            for (List<TermIndex.IndexedTask> candidates : lower.candidatesByLevel()) {
                ofTask.addAll(best(lower.task(), candidates, vectors));
            }
            return ofTask;
        }).toList();
        for (int i = 0; i < lowerTasks.size(); i++) {
            alignments.get(lowerTasks.get(i).documentKey()).addAll(best.get(i));
        }
        return alignments;
    }

    /**
     * The {@code top} candidates most similar to the task, rank 1 first. Only their shared terms are
     * worked out: a county task is scored against hundreds of candidates, and sorting the terms of
     * each pair cost more than the scores.
     */
    private List<Alignment> best(TermIndex.IndexedTask task, List<TermIndex.IndexedTask> candidates, TermVectors vectors) {
        record Scored(TermIndex.IndexedTask candidate, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (TermIndex.IndexedTask candidate : candidates) {
            double score = vectors.score(task.key(), candidate.key());
            if (score >= settings.minScore()) {
                scored.add(new Scored(candidate, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> s.candidate().ordinal())
                .thenComparing(s -> s.candidate().key()));
        List<Alignment> best = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.top(), scored.size()); i++) {
            Scored s = scored.get(i);
            TermVectors.Similarity similarity = vectors.similarity(task.key(), s.candidate().key());
            best.add(new Alignment(task.key(), s.candidate().key(), similarity.score(), similarity.sharedTerms(), i + 1));
        }
        return best;
    }

    /**
     * The documents the lower one is aligned to: per higher level, those of the nearest year not after
     * its own (a task implements what was set before it or in its year, never what came later).
     *
     * @param documents documents to choose from (at least those above {@code lower})
     */
    private List<LinkStore.DocumentInfo> targets(LinkStore.DocumentInfo lower, List<LinkStore.DocumentInfo> documents) {
        Map<String, List<LinkStore.DocumentInfo>> byLevel = new HashMap<>();
        for (LinkStore.DocumentInfo candidate : documents) {
            if (isAbove(candidate, lower) && !isLater(candidate, lower)) {
                byLevel.computeIfAbsent(candidate.level(), k -> new ArrayList<>()).add(candidate);
            }
        }
        List<LinkStore.DocumentInfo> targets = new ArrayList<>();
        Comparator<LinkStore.DocumentInfo> nearest = Comparator
                .comparingInt((LinkStore.DocumentInfo d) -> yearDistance(lower, d))
                .thenComparingInt(d -> d.year() == null ? Integer.MAX_VALUE : d.year());
        for (List<LinkStore.DocumentInfo> level : byLevel.values()) {
            level.sort(nearest.thenComparing(LinkStore.DocumentInfo::key));
            LinkStore.DocumentInfo first = level.get(0);
            level.stream()
                    .filter(d -> yearDistance(lower, d) == yearDistance(lower, first) && Objects.equals(d.year(), first.year()))
                    .forEach(targets::add);
        }
        targets.sort(Comparator.comparing(LinkStore.DocumentInfo::key));
        return targets;
    }

    /** True when {@code higher} is of a higher level than {@code lower} and its region contains lower's. */
    boolean isAbove(LinkStore.DocumentInfo higher, LinkStore.DocumentInfo lower) {
        Integer higherRank = rank(higher.level());
        Integer lowerRank = rank(lower.level());
        if (higherRank == null || lowerRank == null || higherRank >= lowerRank) {
            return false;
        }
        if (Extraction.Level.NATIONAL.name().equals(higher.level())) {
            return true;
        }
        return higher.regionCode() != null && gazetteer.contains(higher.regionCode(), lower.regionCode());
    }

    /**
     * Documents found by the regions they may contain: for a lower document, the national ones and
     * those of the regions its region lies in (its parent and its province), of a higher level. Finding
     * a document's targets so reads a few documents instead of every possible target of the corpus.
     */
    private final class DocumentsAbove {
        private final List<LinkStore.DocumentInfo> national = new ArrayList<>();
        private final Map<String, List<LinkStore.DocumentInfo>> byRegion = new HashMap<>();

        DocumentsAbove(List<LinkStore.DocumentInfo> documents) {
            for (LinkStore.DocumentInfo document : documents) {
                if (Extraction.Level.NATIONAL.name().equals(document.level())) {
                    national.add(document);
                } else if (document.regionCode() != null) {
                    byRegion.computeIfAbsent(document.regionCode(), k -> new ArrayList<>()).add(document);
                }
            }
        }

        /** Those of the documents above {@code lower} ({@link #isAbove}). */
        List<LinkStore.DocumentInfo> above(LinkStore.DocumentInfo lower) {
            List<LinkStore.DocumentInfo> above = new ArrayList<>();
            national.stream().filter(d -> isAbove(d, lower)).forEach(above::add);
            RegionGazetteer.Division division = lower.regionCode() == null ? null
                    : gazetteer.byCode(lower.regionCode()).orElse(null);
            if (division != null) {
                Set<String> containing = new LinkedHashSet<>();
                if (division.parentCode() != null) {
                    containing.add(division.parentCode());
                }
                if (division.provinceCode() != null) {
                    containing.add(division.provinceCode());
                }
                for (String code : containing) {
                    byRegion.getOrDefault(code, List.of()).stream().filter(d -> isAbove(d, lower)).forEach(above::add);
                }
            }
            return above;
        }
    }

    /** True when both years are known and {@code higher}'s comes after {@code lower}'s. */
    static boolean isLater(LinkStore.DocumentInfo higher, LinkStore.DocumentInfo lower) {
        return higher.year() != null && lower.year() != null && higher.year() > lower.year();
    }

    /** Whether documents of this level have a level below them. */
    private static boolean canBeAbove(LinkStore.DocumentInfo document) {
        Integer rank = rank(document.level());
        return rank != null && rank < Extraction.Level.values().length - 1;
    }

    /** The level's place from the top (national 0), or null for no known level. */
    static Integer rank(String level) {
        if (level == null) {
            return null;
        }
        try {
            return Extraction.Level.valueOf(level).ordinal();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int yearDistance(LinkStore.DocumentInfo a, LinkStore.DocumentInfo b) {
        if (a.year() == null || b.year() == null) {
            return Integer.MAX_VALUE;
        }
        return Math.abs(a.year() - b.year());
    }
}
