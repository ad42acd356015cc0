package org.policygraph.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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
import org.policygraph.reading.DocumentReader;
import org.policygraph.reading.PdfReadingTest;
import org.policygraph.reading.UnreadableInputException;

/**
 * Reading throughput of the formats that need a library: one generated document written as DOCX (its
 * paragraphs and a 20-row duty table) and as a PDF of {@link #PDF_PAGES} pages, each read into canonical text.
 * {@link BenchRunner} reports documents/s and pages/s next to the extraction ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadingBenchmark {

    static final int PDF_PAGES = 8;
    static final int LINES_PER_PAGE = 30;
    static final int LINE_LENGTH = 28;
    static final int TABLE_ROWS = 20;

    byte[] docx;
    byte[] pdf;

    @Setup
    public void write() throws IOException {
        String text = new CorpusGenerator(ExtractionBenchmark.SEED).generate(1, ExtractionBenchmark.SEED).get(0).text();
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String paragraph : text.split("\n")) {
                document.createParagraph().createRun().setText(paragraph);
            }
            XWPFTable table = document.createTable(TABLE_ROWS + 1, 4);
            String[] header = {"序号", "重点任务", "牵头单位", "完成时限"};
            for (int c = 0; c < header.length; c++) table.getRow(0).getCell(c).setText(header[c]);
            for (int r = 1; r <= TABLE_ROWS; r++) {
                table.getRow(r).getCell(0).setText(String.valueOf(r));
                table.getRow(r).getCell(1).setText("推进基层医疗卫生服务能力提升，年底前达标率达到90%以上。");
                table.getRow(r).getCell(2).setText("市卫生健康委");
                table.getRow(r).getCell(3).setText("2024年12月底前");
            }
            document.write(out);
            docx = out.toByteArray();
        }
        // Only what the test font draws: Han characters, Chinese punctuation, digits.
        String flat = text.replaceAll("[^\\u4e00-\\u9fff，。、；：（）0-9%]", "");
        List<List<String>> pages = new ArrayList<>();
        int at = 0;
        for (int p = 0; p < PDF_PAGES; p++) {
            List<String> lines = new ArrayList<>();
            for (int l = 0; l < LINES_PER_PAGE; l++) {
                int from = at % (flat.length() - LINE_LENGTH);
                lines.add(flat.substring(from, from + LINE_LENGTH));
                at += LINE_LENGTH;
            }
            pages.add(lines);
        }
        pdf = PdfReadingTest.pdf(pages);
    }

    @Benchmark
    public int readDocx() throws UnreadableInputException {
        return DocumentReader.read(docx).text().length();
    }

    @Benchmark
    public int readPdf() throws UnreadableInputException {
        return DocumentReader.read(pdf).text().length();
    }
}
