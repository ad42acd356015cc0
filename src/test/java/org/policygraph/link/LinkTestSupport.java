package org.policygraph.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.policygraph.extract.Extraction;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.ingest.UnusableDocumentException;
import org.policygraph.extract.PolicyExtractor;
import org.policygraph.graph.EmbeddedGraphTestSupport;
import org.policygraph.upload.SampleDocuments;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared embedded graph, with documents extracted by the real extractor from text. */
abstract class LinkTestSupport extends EmbeddedGraphTestSupport {

    static final String GANSU_2022 = "甘政办发〔2022〕84号";
    static final String BAIYIN_2021 = "市政办发〔2021〕100号";
    /** The Baiyin sample moved to Gansu's year (2022), so that it may implement Gansu's tasks. */
    static final String BAIYIN_2022 = "市政办发〔2022〕100号";
    static final Path SAMPLES = Path.of("src", "main", "resources", "samples");

    static String sample(String name) {
        try {
            return Files.readString(SAMPLES.resolve(name + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Extraction extract(String sourceName, String text) {
        try {
            return new PolicyExtractor().extract(sourceName + ".txt", DocumentPreparer.prepare(text.getBytes(StandardCharsets.UTF_8)));
        } catch (UnusableDocumentException e) {
            throw new IllegalStateException(sourceName + " does not extract", e);
        }
    }

    @Autowired
    LinkStage linkStage;

    /** Extracts, loads and links the text, as the ingestion service does; returns the document key. */
    String load(String sourceName, String text) {
        String key = loader.load(extract(sourceName, text)).documentKey();
        linkStage.link(List.of(key));
        return key;
    }

    /** The Baiyin sample as if issued in 2022: every 2021 of its text (number, title, dates) made 2022. */
    static String baiyin2022() {
        return inGansuYear(sample(BAIYIN));
    }

    static String inGansuYear(String baiyinText) {
        return SampleDocuments.inGansuYear(baiyinText);
    }

    /** Gansu 2022 and the Baiyin sample moved to 2022 (a task implements only tasks of its year or earlier). */
    void loadSamples() {
        load(GANSU, sample(GANSU));
        load(BAIYIN, baiyin2022());
    }
}
