package org.policygraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.graph.GraphLoader;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service reports ready only once the bundled samples are in the graph: a load balancer or a
 * researcher who trusts readiness must never see an empty service that is still loading them.
 */
class ReadinessTest {

    @Test
    void readinessComesAfterTheSamplesAreLoaded(@TempDir Path data) {
        List<Boolean> documentsWhenReady = new ArrayList<>();
        ApplicationListener<AvailabilityChangeEvent<?>> listener = event -> {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                ApplicationContext context = (ApplicationContext) event.getSource();
                documentsWhenReady.add(context.getBean(GraphLoader.class).hasDocuments());
            }
        };
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PolicyGraphApplication.class)
                .web(WebApplicationType.NONE)
                .listeners(listener)
                .run("--policygraph.mode=embedded",
                        "--policygraph.embedded.data-dir=" + data,
                        "--policygraph.embedded.bolt-address=127.0.0.1:0",
                        "--policygraph.ingest.samples-on-empty=true",
                        "--policygraph.ingest.originals-dir=" + data.resolve("originals"))) {
            assertThat(documentsWhenReady).containsExactly(true);
        }
    }
}
