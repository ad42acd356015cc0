package org.policygraph.link;

import java.util.Collection;
import java.util.List;
import org.policygraph.graph.LinkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Linking, the stage after loading: citation stubs resolved, the documents' tasks tagged with themes
 * and the task alignment they affect recomputed, once for a batch of documents. The ingestion service
 * runs it after each load when {@code policygraph.link.on-load} is on. One linking at a time: two
 * loads re-aligning the same lower documents at once would write their alignment twice.
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
        return link(documentKeys, List.of());
    }

    /**
     * {@link #link(List)}, re-aligning {@code alignedBefore} too: the documents that implemented the
     * documents before they were reloaded.
     */
    public synchronized boolean link(List<String> documentKeys, Collection<String> alignedBefore) {
        if (documentKeys.isEmpty()) {
            return true;
        }
        try {
            long started = System.nanoTime();
            int stubs = citations.resolve();
            long resolved = System.nanoTime();
            int tags = themes.tag(documentKeys);
            long tagged = System.nanoTime();
            int alignments = aligner.align(documentKeys, alignedBefore);
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
