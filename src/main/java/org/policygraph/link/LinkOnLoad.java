package org.policygraph.link;

import org.policygraph.graph.DocumentLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Links each document right after it is loaded: citation stubs it resolves, themes of its tasks,
 * then the task alignment it affects. Runs in the loading thread after the load committed, in its own transactions; a failure
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

    @EventListener
    void linked(DocumentLoaded loaded) {
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
}
