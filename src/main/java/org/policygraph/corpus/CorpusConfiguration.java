package org.policygraph.corpus;

import org.policygraph.graph.PolicyGraphProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CorpusConfiguration {

    /** {@code policygraph.ingest.originals-dir}, by default {@code originals} in the embedded data directory. */
    @Bean
    OriginalStore originalStore(PolicyGraphProperties properties) {
        return new OriginalStore(properties.ingest().originalsDir() != null
                ? properties.ingest().originalsDir()
                : properties.embedded().dataDir().resolve("originals"));
    }
}
