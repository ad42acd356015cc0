package org.policygraph.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs the extraction benchmark (bundled samples and generated documents) and prints characters per second for extraction and segmentation, and their ratio; then DOCX and PDF reading throughput. */
public final class BenchRunner {

    private BenchRunner() {}

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder().include(ExtractionBenchmark.class.getSimpleName())
                .include(ReadingBenchmark.class.getSimpleName()).build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.printf("%n%s%n", Machine.describe());
        for (String corpus : new String[] {"samples", "generated"}) {
            long chars = ExtractionBenchmark.charactersPerInvocation(corpus);
            double extract = 0;
            double segment = 0;
            for (RunResult result : results) {
                if (!corpus.equals(result.getParams().getParam("corpus"))) continue;
                double opsPerSecond = result.getPrimaryResult().getScore();
                if (result.getParams().getBenchmark().endsWith(".extract")) extract = opsPerSecond * chars;
                if (result.getParams().getBenchmark().endsWith(".segment")) segment = opsPerSecond * chars;
            }
            System.out.printf("%n%s (%,d chars per invocation)%n", corpus, chars);
            System.out.printf("extraction   %,12.0f chars/s%n", extract);
            System.out.printf("segmentation %,12.0f chars/s (HanLP viterbi, no recognizers)%n", segment);
            System.out.printf("ratio        %12.2f (target >= 0.5)%n", extract / segment);
        }
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            double perSecond = result.getPrimaryResult().getScore();
            if (benchmark.endsWith(".readDocx")) {
                System.out.printf("%nreading DOCX %,10.1f documents/s (paragraphs of a generated document and a %d-row duty table)%n",
                        perSecond, ReadingBenchmark.TABLE_ROWS);
            }
            if (benchmark.endsWith(".readPdf")) {
                System.out.printf("reading PDF  %,10.1f documents/s = %,.1f pages/s (%d-page text PDF)%n",
                        perSecond, perSecond * ReadingBenchmark.PDF_PAGES, ReadingBenchmark.PDF_PAGES);
            }
        }
    }
}
