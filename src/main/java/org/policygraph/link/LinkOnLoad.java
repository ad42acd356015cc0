package org.policygraph.link;

import org.policygraph.graph.DocumentLoaded;
import org.policygraph.graph.DocumentsLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Links each document right after it is loaded (a batch of documents right after the batch is
 * loaded): citation stubs it resolves, themes of its tasks, then the task alignment it affects. Runs in the loading thread after the load committed, in its own transactions; a failure
 * is logged and never undoes or fails the load ({@link TaskAligner#alignAll()} repairs later).
 * Off with {@code policygraph.link.on-load=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "policygraph.link.on-load", matchIfMissing = true)
class LinkOnLoad {

    private static final Logger log = LoggerFactory.getLogger(LinkOnLoad.class);

    private final CitationResolver citations;
    private final ThemeTagger themes;
    private final TaskAligner aligner;

    LinkOnLoad(CitationResolver citations, ThemeTagger themes, TaskAligner aligner) {
        this.citations = citations;
        this.themes = themes;
        this.aligner = aligner;
    }

    /** A document loaded on its own; one of a batch is linked with its batch ({@link #linked(DocumentsLoaded)}). */
    @EventListener
    void linked(DocumentLoaded loaded) {
        if (loaded.inBatch()) {
            return;
        }
        try {
            int stubs = citations.resolve();
            int tags = themes.tag(loaded.documentKey());
            int alignments = aligner.align(loaded.documentKey());
            log.debug("Linked {}: {} citation stubs resolved, {} themes, {} task alignments",
                    loaded.documentKey(), stubs, tags, alignments);
        } catch (RuntimeException e) {
            log.warn("Linking {} failed (the document stays loaded): {}", loaded.documentKey(), e.toString());
        }
    }

    /**
     * The documents of a batch, linked once for the batch: citation stubs resolved once, the themes of
     * all their tasks in one transaction, and the task alignment they affect computed once.
     */
    @EventListener
    void linked(DocumentsLoaded loaded) {
        try {
            int stubs = citations.resolve();
            int tags = themes.tag(loaded.documentKeys());
            int alignments = aligner.align(loaded.documentKeys());
            log.debug("Linked {} documents: {} citation stubs resolved, {} themes, {} task alignments",
                    loaded.documentKeys().size(), stubs, tags, alignments);
        } catch (RuntimeException e) {
            log.warn("Linking a batch of {} documents failed (they stay loaded): {}", loaded.documentKeys().size(),
                    e.toString());
        }
    }
}
