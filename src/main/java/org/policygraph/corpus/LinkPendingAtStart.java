package org.policygraph.corpus;

import org.policygraph.graph.PolicyGraphProperties;
import org.policygraph.link.LinkStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, links the documents that were loaded but not linked (the process stopped between the
 * two, or linking failed), on a thread of its own so that the service is ready meanwhile. Runs in the
 * service (not in the commands of the jar) when documents are linked on load
 * ({@code policygraph.link.on-load}), after the sample ingest.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "policygraph.link.on-load", matchIfMissing = true)
class LinkPendingAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LinkPendingAtStart.class);

    private final LinkStage linking;
    private final int batchSize;

    LinkPendingAtStart(LinkStage linking, PolicyGraphProperties properties) {
        this.linking = linking;
        this.batchSize = properties.ingest().batchSize();
    }

    @Override
    public void run(ApplicationArguments args) {
        Thread thread = new Thread(() -> {
            try {
                int linked = linking.linkPending(batchSize);
                if (linked > 0) {
                    log.info("Linked {} documents that were loaded but not linked", linked);
                }
            } catch (RuntimeException e) {
                log.warn("Linking the pending documents failed (they stay pending): {}", e.toString());
            }
        }, "link-pending");
        thread.setDaemon(true);
        thread.start();
    }
}
