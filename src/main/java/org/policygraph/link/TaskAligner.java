package org.policygraph.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.graph.LinkStore;
import org.springframework.stereotype.Component;

/**
 * Aligns the tasks of a lower-level document with the tasks of the higher-level documents it
 * implements, and writes {@code (lower:Task)-[:IMPLEMENTS {score, sharedTerms, rank}]->(higher:Task)}.
 *
 * <p>The higher documents of a lower one: for each higher level (national, provincial, city), the
 * documents of that level whose region contains the lower document's region (a national document
 * contains every region), nearest in year; on a tie in distance the earlier year wins, since a
 * document implements what was issued before it. Each lower task gets its {@code top} most similar
 * tasks in each such document ({@link TermVectors}: TF-IDF over every loaded task), rank 1 first.
 * The term statistics of every loaded task are kept in memory ({@link TermIndex}) and updated as
 * documents are loaded, so aligning a document reads and segments only the new or reloaded ones.
 *
 * <p>Writing is idempotent: the IMPLEMENTS of every recomputed lower document are deleted first, in
 * the same transaction as its new ones are written (a transaction holds a few documents).
 */
@Component
public class TaskAligner {

    /** One IMPLEMENTS relationship. */
    public record Alignment(String lowerTaskKey, String higherTaskKey, double score, List<String> sharedTerms, int rank) {}

    private final LinkStore store;
    private final RegionGazetteer gazetteer = RegionGazetteer.load();
    private final LinkProperties.Alignment settings;
    /** Term statistics of every loaded task, kept between alignments; guarded by itself. */
    private final TermIndex index;

    TaskAligner(LinkStore store, TaskTerms terms, LinkProperties properties) {
        this.store = store;
        this.settings = properties.alignment();
        this.index = new TermIndex(terms);
    }

    /**
     * Recomputes the alignment of every loaded document from scratch (every task read and segmented
     * again); returns the number of IMPLEMENTS written.
     */
    public int alignAll() {
        List<LinkStore.DocumentInfo> documents = store.documents();
        synchronized (index) {
            index.clear();
        }
        return write(documents, documents, List.of());
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
     * the lower side, and the documents below any of them. Gives what {@link #align(String)} of each
     * document would give once they are all loaded. Returns the number of IMPLEMENTS written.
     */
    public int align(Collection<String> documentKeys) {
        List<LinkStore.DocumentInfo> documents = store.documents();
        Set<String> keys = new HashSet<>(documentKeys);
        List<LinkStore.DocumentInfo> loaded = documents.stream().filter(d -> keys.contains(d.key())).toList();
        // Only a document with a level below it can be above another one.
        List<LinkStore.DocumentInfo> higher = loaded.stream()
                .filter(d -> rank(d.level()) != null && rank(d.level()) < Extraction.Level.values().length - 1).toList();
        List<LinkStore.DocumentInfo> affected = new ArrayList<>();
        for (LinkStore.DocumentInfo document : documents) {
            if (keys.contains(document.key())
                    || higher.stream().anyMatch(h -> isAbove(h, document) && !isLater(h, document))) {
                affected.add(document);
            }
        }
        return write(documents, affected, documentKeys);
    }

    /** The alignments of one lower document as they would be written, without writing them. */
    public List<Alignment> alignments(String lowerDocumentKey) {
        List<LinkStore.DocumentInfo> documents = store.documents();
        List<LinkStore.DocumentInfo> lower = documents.stream().filter(d -> d.key().equals(lowerDocumentKey)).toList();
        return compute(documents, lower, List.of()).getOrDefault(lowerDocumentKey, List.of());
    }

    private int write(List<LinkStore.DocumentInfo> documents, List<LinkStore.DocumentInfo> lower,
            Collection<String> reloaded) {
        if (lower.isEmpty()) {
            return 0;
        }
        Map<String, List<Alignment>> alignmentsByDocument = compute(documents, lower, reloaded);
        // A few documents per transaction: a bulk load or alignAll can recompute thousands of documents,
        // more than one transaction may hold in memory. Each document's delete and create stay together.
        List<String> keys = lower.stream().map(LinkStore.DocumentInfo::key).toList();
        for (int from = 0; from < keys.size(); from += settings.documentsPerTransaction()) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + settings.documentsPerTransaction()));
            List<LinkStore.Implements> rows = new ArrayList<>();
            for (String key : chunk) {
                for (Alignment a : alignmentsByDocument.getOrDefault(key, List.of())) {
                    rows.add(new LinkStore.Implements(a.lowerTaskKey(), a.higherTaskKey(), a.score(), a.sharedTerms(),
                            a.rank()));
                }
            }
            store.replaceImplements(chunk, rows);
        }
        return alignmentsByDocument.values().stream().mapToInt(List::size).sum();
    }

    /**
     * The alignments of each lower document that has a target, by its key.
     *
     * @param reloaded documents whose tasks changed since the index last saw them
     */
    private Map<String, List<Alignment>> compute(List<LinkStore.DocumentInfo> documents, List<LinkStore.DocumentInfo> lower,
            Collection<String> reloaded) {
        Map<String, List<LinkStore.DocumentInfo>> targetsByLower = new HashMap<>();
        Set<String> involved = new LinkedHashSet<>();
        for (LinkStore.DocumentInfo document : lower) {
            List<LinkStore.DocumentInfo> targets = targets(document, documents);
            if (!targets.isEmpty()) {
                targetsByLower.put(document.key(), targets);
                involved.add(document.key());
                targets.forEach(t -> involved.add(t.key()));
            }
        }
        if (targetsByLower.isEmpty()) {
            return Map.of();
        }
        // IDF over every loaded task, so that a score does not depend on which documents were recomputed;
        // the index keeps the term frequencies of every task, so only new or reloaded documents are read.
        Map<String, String> fingerprints = store.taskFingerprints();
        TermVectors vectors;
        Map<String, List<TermIndex.IndexedTask>> tasksByDocument = new HashMap<>();
        synchronized (index) {
            index.sync(fingerprints, reloaded, store);
            vectors = index.vectors(involved);
            involved.forEach(key -> tasksByDocument.put(key, index.tasks(key)));
        }
        Map<String, List<Alignment>> alignments = new HashMap<>();
        targetsByLower.forEach((lowerKey, targets) -> {
            List<Alignment> ofDocument = alignments.computeIfAbsent(lowerKey, k -> new ArrayList<>());
            for (TermIndex.IndexedTask task : tasksByDocument.getOrDefault(lowerKey, List.of())) {
                for (LinkStore.DocumentInfo target : targets) {
                    ofDocument.addAll(best(task, tasksByDocument.getOrDefault(target.key(), List.of()), vectors));
                }
            }
        });
        return alignments;
    }

    private List<Alignment> best(TermIndex.IndexedTask task, List<TermIndex.IndexedTask> candidates, TermVectors vectors) {
        record Scored(TermIndex.IndexedTask candidate, TermVectors.Similarity similarity) {}
        List<Scored> scored = new ArrayList<>();
        for (TermIndex.IndexedTask candidate : candidates) {
            TermVectors.Similarity similarity = vectors.similarity(task.key(), candidate.key());
            if (similarity.score() >= settings.minScore()) {
                scored.add(new Scored(candidate, similarity));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> s.similarity().score()).reversed()
                .thenComparingInt(s -> s.candidate().ordinal()));
        List<Alignment> best = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.top(), scored.size()); i++) {
            Scored s = scored.get(i);
            best.add(new Alignment(task.key(), s.candidate().key(), s.similarity().score(),
                    s.similarity().sharedTerms(), i + 1));
        }
        return best;
    }

    /**
     * The documents the lower one is aligned to: per higher level, those of the nearest year not after
     * its own (a task implements what was set before it or in its year, never what came later).
     */
    List<LinkStore.DocumentInfo> targets(LinkStore.DocumentInfo lower, List<LinkStore.DocumentInfo> documents) {
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

    /** True when both years are known and {@code higher}'s comes after {@code lower}'s. */
    static boolean isLater(LinkStore.DocumentInfo higher, LinkStore.DocumentInfo lower) {
        return higher.year() != null && lower.year() != null && higher.year() > lower.year();
    }

    private static Integer rank(String level) {
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
