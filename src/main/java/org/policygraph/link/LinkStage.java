package org.policygraph.link;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Linking, the stage after loading: citation stubs resolved, the documents' tasks tagged with themes
 * and the task alignment they affect recomputed, once for a batch of documents. The ingestion service
 * runs it after each load when {@code policygraph.link.on-load} is on.
 */
@Component
public class LinkStage {

    private static final Logger log = LoggerFactory.getLogger(LinkStage.class);

    private final CitationResolver citations;
    private final ThemeTagger themes;
    private final TaskAligner aligner;
    private final boolean onLoad;

    LinkStage(CitationResolver citations, ThemeTagger themes, TaskAligner aligner, LinkProperties properties) {
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
     * Links documents just loaded. A failure is logged, not thrown: the documents stay loaded.
     *
     * @return whether linking succeeded
     */
    public boolean link(List<String> documentKeys) {
        if (documentKeys.isEmpty()) {
            return true;
        }
        try {
            int stubs = citations.resolve();
            int tags = themes.tag(documentKeys);
            int alignments = aligner.align(documentKeys);
            log.debug("Linked {} documents: {} citation stubs resolved, {} themes, {} task alignments",
                    documentKeys.size(), stubs, tags, alignments);
            return true;
        } catch (RuntimeException e) {
            log.warn("Linking {} documents failed (they stay loaded): {}", documentKeys.size(), e.toString());
            return false;
        }
    }
}
