package org.policygraph.corpus;

import java.io.IOException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.policygraph.graph.GraphLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * On a graph without any (non-stub) document, ingests the bundled {@code classpath:samples/*.txt}.
 * Each file that fails is logged and skipped; startup never fails because of it.
 * Off with {@code policygraph.ingest.samples-on-empty=false} (the CLI turns it off).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty(name = "policygraph.ingest.samples-on-empty", matchIfMissing = true)
public class SampleIngest implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleIngest.class);
    static final String SAMPLES = "classpath*:samples/*.txt";

    private final GraphLoader loader;
    private final DocumentIngester ingester;

    public SampleIngest(GraphLoader loader, DocumentIngester ingester) {
        this.loader = loader;
        this.ingester = ingester;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            ingestIfEmpty();
        } catch (RuntimeException e) {
            log.warn("Sample ingest skipped: {}", e.toString());
        }
    }

    /** Returns the number of samples loaded; 0 when the graph already has documents. */
    public int ingestIfEmpty() {
        if (loader.hasDocuments()) {
            return 0;
        }
        Resource[] samples;
        try {
            samples = new PathMatchingResourcePatternResolver().getResources(SAMPLES);
        } catch (IOException e) {
            log.warn("Cannot list the bundled samples: {}", e.toString());
            return 0;
        }
        Arrays.sort(samples, Comparator.comparing(Resource::getFilename));
        List<DocumentIngester.Input> inputs = new ArrayList<>();
        for (Resource sample : samples) {
            inputs.add(new DocumentIngester.Input(sample.getFilename(), sample::getContentAsByteArray));
        }
        int loaded = 0;
        for (DocumentIngester.Outcome outcome : ingester.ingestAll(inputs, batch -> {})) {
            if (outcome.ok()) {
                loaded++;
                log.info("Sample {}", outcome.line());
            } else {
                log.warn("Sample {} not ingested: {}", outcome.sourceName(), outcome.reason());
            }
        }
        log.info("Ingested {} of {} bundled samples into the empty graph", loaded, samples.length);
        return loaded;
    }
}
