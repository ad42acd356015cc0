package org.policygraph.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.policygraph.extract.Extraction;
import org.policygraph.graph.LinkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Linking, the stage after loading: citation stubs resolved, the documents' tasks tagged with themes
 * and the task alignment they affect recomputed, once for a batch of documents. The ingestion service
 * runs it after each load when {@code policygraph.link.on-load} is on. One linking at a time: two
 * loads re-aligning the same lower documents at once would write their alignment twice. A linking
 * sees the documents linked before it and its own: others loaded meanwhile (a concurrent upload, or
 * documents left pending by a crash) are pending ({@code linkPending}) and aligned by their own
 * linking, which adds what lies below them; seen now, they would be aligned to twice.
 */
@Component
public class LinkStage {

    private static final Logger log = LoggerFactory.getLogger(LinkStage.class);

    private final CitationResolver citations;
    private final ThemeTagger themes;
    private final TaskAligner aligner;
    private final LinkStore store;
    private final boolean onLoad;

    LinkStage(CitationResolver citations, ThemeTagger themes, TaskAligner aligner, LinkStore store,
            LinkProperties properties) {
        this.store = store;
        this.citations = citations;
        this.themes = themes;
        this.aligner = aligner;
        this.onLoad = properties.onLoad();
    }

    /** Whether documents are linked as they are loaded ({@code policygraph.link.on-load}). */
    public boolean onLoad() {
        return onLoad;
    }

    /**
     * Links the documents loaded but not linked since (linking failed, the process stopped between
     * loading and linking, or a bulk ingest was stopped before its linking), in level order
     * ({@link #linkInLevelOrder}), {@code batchSize} at a time; returns how many were linked.
     */
    public int linkPending(int batchSize) {
        return linkInLevelOrder(store.allPending(), batchSize, progress -> {}).linked();
    }

    /** How far a {@link #linkInLevelOrder} has come: documents linked of those to link. */
    public record Progress(int linked, int total) {}

    /**
     * What a {@link #linkInLevelOrder} did: documents linked, and documents outside them aligned again
     * because one of them arrived above (none when the documents below were loaded in the same run).
     */
    public record LinkRun(int linked, int realigned) {}

    /**
     * Links documents loaded earlier (a bulk ingest loads every batch first), {@code batchSize} at a
     * time, higher levels first (national, provincial, city, county; within a level by year, then key).
     * A document is then aligned once its possible targets are linked, while the documents of the run
     * below it are still pending, so none of them is aligned twice: linking batch by batch as loaded,
     * a provincial document realigns every county document of its province loaded before it, which in
     * a corpus loaded in no particular order is more work for each batch than the batch itself. A batch
     * whose linking fails stays pending and is tried once more after the others.
     */
    public synchronized LinkRun linkInLevelOrder(Collection<String> documentKeys, int batchSize,
            Consumer<Progress> progress) {
        List<String> ordered = levelOrder(documentKeys);
        int size = Math.max(1, batchSize);
        int[] linked = {0};
        int[] realigned = {0};
        Predicate<List<String>> linkCounted = batch -> {
            int realignedNow = linkBatch(batch, Before.NOTHING);
            if (realignedNow < 0) {
                return false;
            }
            linked[0] += batch.size();
            realigned[0] += realignedNow;
            progress.accept(new Progress(linked[0], ordered.size()));
            return true;
        };
        List<List<String>> failed = new ArrayList<>();
        for (int from = 0; from < ordered.size(); from += size) {
            List<String> batch = ordered.subList(from, Math.min(ordered.size(), from + size));
            if (!linkCounted.test(batch)) {
                failed.add(batch);
            }
        }
        failed.forEach(linkCounted::test);
        if (ordered.size() > size) {
            aligner.saveTermIndex();
        }
        return new LinkRun(linked[0], realigned[0]);
    }

    /**
     * For a reload whose linking comes later ({@link #linkInLevelOrder}): marks pending, in the graph, the
     * documents that implemented a reloaded document that moved (another level, region or year), so
     * that they are aligned again from scratch with the run, or at the next start if the run stops
     * first. Returns their keys.
     */
    public List<String> pendAgain(Before before) {
        if (before.documents().isEmpty()) {
            return List.of();
        }
        List<String> again = before.realign(store.documents(before.documents().stream()
                .map(LinkStore.DocumentInfo::key).toList())).stream().distinct().toList();
        store.markPending(again);
        return again;
    }

    private List<String> levelOrder(Collection<String> documentKeys) {
        if (documentKeys.isEmpty()) {
            return List.of();
        }
        int unknown = Extraction.Level.values().length;
        return store.documents(Set.copyOf(documentKeys)).stream()
                .sorted(Comparator.comparingInt((LinkStore.DocumentInfo d) -> Objects.requireNonNullElse(
                                TaskAligner.rank(d.level()), unknown))
                        .thenComparingInt(d -> d.year() == null ? Integer.MAX_VALUE : d.year())
                        .thenComparing(LinkStore.DocumentInfo::key))
                .map(LinkStore.DocumentInfo::key).toList();
    }

    /**
     * Links documents just loaded and records that they are. A failure is logged, not thrown: the
     * documents stay loaded, and stay pending ({@link #linkPending}).
     *
     * @return whether linking succeeded
     */
    public boolean link(List<String> documentKeys) {
        return link(documentKeys, Before.NOTHING);
    }

    /**
     * What linking must know of documents about to be reloaded, read before they are: where they stood
     * (level, region, year) and which documents implemented them.
     */
    public record Before(List<LinkStore.DocumentInfo> documents, Map<String, List<String>> lowerDocuments) {
        public static final Before NOTHING = new Before(List.of(), Map.of());

        /**
         * The documents that implemented a reloaded one that no longer stands where it stood (another
         * level, region or year): it may no longer be their target, and another document may be.
         */
        List<String> realign(List<LinkStore.DocumentInfo> now) {
            Map<String, LinkStore.DocumentInfo> current = new HashMap<>();
            now.forEach(d -> current.put(d.key(), d));
            List<String> realign = new ArrayList<>();
            for (LinkStore.DocumentInfo before : documents) {
                if (!before.equals(current.get(before.key()))) {
                    realign.addAll(lowerDocuments.getOrDefault(before.key(), List.of()));
                }
            }
            return realign;
        }
    }

    /** Reads {@link Before} for documents about to be reloaded (those of these keys that are loaded). */
    public Before before(List<String> documentKeys) {
        if (documentKeys.isEmpty()) {
            return Before.NOTHING;
        }
        List<LinkStore.DocumentInfo> loaded = store.documents(documentKeys);
        if (loaded.isEmpty()) {
            return Before.NOTHING;
        }
        return new Before(loaded, store.lowerDocuments(loaded.stream().map(LinkStore.DocumentInfo::key).toList()));
    }

    /**
     * {@link #link(List)} after a reload: the documents that implemented a reloaded document that moved
     * (another level, region or year) are aligned again from scratch too.
     */
    public synchronized boolean link(List<String> documentKeys, Before before) {
        return linkBatch(documentKeys, before) >= 0;
    }

    /** Links one batch; returns the number of documents realigned below it, or -1 when linking failed. */
    private int linkBatch(List<String> documentKeys, Before before) {
        if (documentKeys.isEmpty()) {
            return 0;
        }
        try {
            long started = System.nanoTime();
            // Citations and themes change no document: the view read here is the aligner's too.
            LinkStore.LoadedDocuments loaded = store.loadedDocuments();
            Set<String> unlinked = new HashSet<>(loaded.pending());
            documentKeys.forEach(unlinked::remove);
            int stubs = citations.resolve(documentKeys);
            long resolved = System.nanoTime();
            int tags = themes.tag(documentKeys);
            long tagged = System.nanoTime();
            TaskAligner.Written aligned = aligner.align(documentKeys, before, loaded, unlinked);
            long alignedAt = System.nanoTime();
            store.markLinked(documentKeys);
            log.debug("Linked {} documents: {} citation stubs resolved ({} ms), {} themes ({} ms), {} task alignments ({} ms), {} documents realigned",
                    documentKeys.size(), stubs, (resolved - started) / 1_000_000, tags, (tagged - resolved) / 1_000_000,
                    aligned.alignments(), (alignedAt - tagged) / 1_000_000, aligned.realignedDocuments());
            return aligned.realignedDocuments();
        } catch (RuntimeException e) {
            log.warn("Linking {} documents failed (they stay loaded): {}", documentKeys.size(), e.toString());
            return -1;
        }
    }
}
