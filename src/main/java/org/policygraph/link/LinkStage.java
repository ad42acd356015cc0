package org.policygraph.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * Links the documents loaded but not linked since (linking failed, or the process stopped between
     * loading and linking), {@code batchSize} at a time; returns how many were linked.
     */
    public int linkPending(int batchSize) {
        int linked = 0;
        for (List<String> pending = store.pending(batchSize); !pending.isEmpty(); pending = store.pending(batchSize)) {
            if (!link(pending)) {
                break;
            }
            linked += pending.size();
        }
        return linked;
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
        if (documentKeys.isEmpty()) {
            return true;
        }
        try {
            long started = System.nanoTime();
            Set<String> unlinked = store.allPending();
            documentKeys.forEach(unlinked::remove);
            int stubs = citations.resolve(documentKeys);
            long resolved = System.nanoTime();
            int tags = themes.tag(documentKeys);
            long tagged = System.nanoTime();
            int alignments = aligner.align(documentKeys, before, unlinked);
            long aligned = System.nanoTime();
            store.markLinked(documentKeys);
            log.debug("Linked {} documents: {} citation stubs resolved ({} ms), {} themes ({} ms), {} task alignments ({} ms)",
                    documentKeys.size(), stubs, (resolved - started) / 1_000_000, tags, (tagged - resolved) / 1_000_000,
                    alignments, (aligned - tagged) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            log.warn("Linking {} documents failed (they stay loaded): {}", documentKeys.size(), e.toString());
            return false;
        }
    }
}
