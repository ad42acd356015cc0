package org.policygraph.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.policygraph.extract.Extraction;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.ingest.UnusableDocumentException;
import org.policygraph.extract.PolicyExtractor;

/**
 * Extraction of the two bundled samples (or of 20 documents of the generated scale corpus, {@code corpus=generated})
 * next to HanLP's plain segmentation (no name, place or
 * organization recognition) of the same text, in the same run. {@link BenchRunner} turns the two
 * throughputs into characters per second and their ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractionBenchmark {

    static final String[] SAMPLES = {"gansu-2022-ganzhengbanfa-84", "baiyin-2021-shizhengbanfa-100"};
    static final int GENERATED = 20;
    static final long SEED = 20260801L;

    @Param({"samples", "generated"})
    public String corpus;

    byte[][] documents;
    String[] texts;
    PolicyExtractor extractor;
    Segment segmenter;

    @Setup
    public void load() throws IOException {
        texts = texts(corpus);
        documents = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            documents[i] = texts[i].getBytes(StandardCharsets.UTF_8);
        }
        extractor = new PolicyExtractor();
        segmenter = HanLP.newSegment().enableNameRecognize(false).enablePlaceRecognize(false)
                .enableOrganizationRecognize(false);
    }

    /** Characters processed by one invocation of either benchmark. */
    static long charactersPerInvocation(String corpus) throws IOException {
        long chars = 0;
        for (String text : texts(corpus)) {
            chars += text.length();
        }
        return chars;
    }

    /** The texts of one invocation: the two samples, or the first generated documents of the scale corpus. */
    static String[] texts(String corpus) throws IOException {
        if (corpus.equals("generated")) {
            return new CorpusGenerator(SEED).generate(GENERATED, SEED).stream()
                    .map(CorpusGenerator.Document::text).toArray(String[]::new);
        }
        String[] texts = new String[SAMPLES.length];
        for (int i = 0; i < SAMPLES.length; i++) {
            texts[i] = new String(sample(SAMPLES[i]), StandardCharsets.UTF_8);
        }
        return texts;
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = ExtractionBenchmark.class.getResourceAsStream("/samples/" + name + ".txt")) {
            return in.readAllBytes();
        }
    }

    @Benchmark
    public int extract() throws UnusableDocumentException {
        int tasks = 0;
        for (byte[] document : documents) {
            Extraction extraction = extractor.extract("bench.txt", DocumentPreparer.prepare(document));
            tasks += extraction.tasks().size();
        }
        return tasks;
    }

    @Benchmark
    public int segment() {
        int terms = 0;
        for (String text : texts) {
            List<Term> segmented = segmenter.seg(text);
            terms += segmented.size();
        }
        return terms;
    }
}
