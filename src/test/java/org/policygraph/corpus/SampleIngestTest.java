package org.policygraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.PolicyExtractor;
import org.policygraph.graph.EmbeddedGraphTestSupport;
import org.policygraph.graph.GraphLoaderTest;
import org.policygraph.ingest.PreparedDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class SampleIngestTest extends EmbeddedGraphTestSupport {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void emptyGraph() {
        clearDocuments();
    }

    @Test
    void shouldNotRunWhenSamplesOnEmptyIsOff() {
        assertThat(context.getBeansOfType(SampleIngest.class)).isEmpty();
    }

    @Test
    void shouldIngestTheBundledSamplesIntoAnEmptyGraph() {
        SampleIngest samples = new SampleIngest(loader, new DocumentIngester(loader, new GoldExtractor()));
        assertThat(samples.ingestIfEmpty()).isEqualTo(2);
        assertThat(count("MATCH (t:Task) RETURN count(t)")).isEqualTo(49);
        // Not empty any more: nothing is ingested again.
        assertThat(samples.ingestIfEmpty()).isZero();
        assertThat(count("MATCH (t:Task) RETURN count(t)")).isEqualTo(49);
    }

    @Test
    void shouldCountStubsAsEmpty() {
        loader.load(new Extraction(GraphLoaderTest.document("引用文件", "引〔2020〕1号", null),
                List.of(), List.of(GraphLoaderTest.task(1, List.of("《被引文件》")))));
        try (var session = sessions.session()) {
            session.run("MATCH (d:Document {key: '引〔2020〕1号'}) DETACH DELETE d").consume();
        }
        assertThat(loader.hasDocuments()).isFalse();
    }

    @Test
    void shouldWarnAndContinueWhenTheExtractorFails() {
        PolicyExtractor failing = new PolicyExtractor() {
            @Override
            public Extraction extract(String sourceName, PreparedDocument prepared) {
                throw new IllegalStateException("boom");
            }
        };
        SampleIngest samples = new SampleIngest(loader, new DocumentIngester(loader, () -> failing));
        assertThat(samples.ingestIfEmpty()).isZero();
        samples.run(null);
        assertThat(count("MATCH (d:Document) RETURN count(d)")).isZero();
    }
}
