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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.ExtractionException;
import org.policygraph.extract.PolicyExtractor;

/**
 * Extraction of the two bundled samples next to HanLP's plain segmentation (no name, place or
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

    byte[][] documents;
    String[] texts;
    PolicyExtractor extractor;
    Segment segmenter;

    @Setup
    public void load() throws IOException {
        documents = new byte[SAMPLES.length][];
        texts = new String[SAMPLES.length];
        for (int i = 0; i < SAMPLES.length; i++) {
            documents[i] = sample(SAMPLES[i]);
            texts[i] = new String(documents[i], StandardCharsets.UTF_8);
        }
        extractor = new PolicyExtractor();
        segmenter = HanLP.newSegment().enableNameRecognize(false).enablePlaceRecognize(false)
                .enableOrganizationRecognize(false);
    }

    /** Characters processed by one invocation of either benchmark. */
    static long charactersPerInvocation() throws IOException {
        long chars = 0;
        for (String name : SAMPLES) {
            chars += new String(sample(name), StandardCharsets.UTF_8).length();
        }
        return chars;
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = ExtractionBenchmark.class.getResourceAsStream("/samples/" + name + ".txt")) {
            return in.readAllBytes();
        }
    }

    @Benchmark
    public int extract() throws ExtractionException {
        int tasks = 0;
        for (byte[] document : documents) {
            Extraction extraction = extractor.extract("bench.txt", document);
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
