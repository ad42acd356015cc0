package org.policygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policygraph.bench.CorpusGenerator;
import org.policygraph.extract.Extraction;
import org.policygraph.extract.PolicyExtractor;
import org.policygraph.graph.GraphLoader;
import org.policygraph.ingest.DocumentPreparer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The explorer on a generated corpus of 1,000 documents (bench/generate's {@link CorpusGenerator}, the seed
 * of BENCHMARKS.md): the landing overview, a search, a graph of 300 nodes and more whose labels do not
 * overlap at the zoom it opens with, and the table view. The corpus is loaded once, the way bench/load
 * does it in process: extraction on both cores, {@link GraphLoader#loadBatch} in batches of 100, no
 * linking. Screenshots go to target/screenshots/ like those of {@link ExplorerBrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ExplorerLargeCorpusBrowserTest extends ExplorerBrowserSupport {

    static final int DOCUMENTS = 1_000;
    static final long SEED = 20260801L;
    static final int BATCH = 100;
    static final int EXTRACTION_THREADS = 2;
    /** Documents opened together for the large graph: about 28 nodes each (sections, tasks, indicators), 340 in all. */
    static final int DOCUMENTS_IN_GRAPH = 12;
    static final int LARGE_GRAPH = 300;
    static final Path DATA_DIR = Path.of("target", "test-neo4j", UUID.randomUUID().toString()).toAbsolutePath();

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("policygraph.mode", () -> "embedded");
        registry.add("policygraph.embedded.data-dir", DATA_DIR::toString);
        registry.add("policygraph.embedded.bolt-address", () -> "127.0.0.1:0");
        registry.add("policygraph.ingest.samples-on-empty", () -> "false");
    }

    @Autowired
    GraphLoader loader;

    static boolean loaded;

    @BeforeEach
    void loadCorpusOnce() throws Exception {
        if (loaded) return;
        long start = System.nanoTime();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        List<CorpusGenerator.Document> documents = new CorpusGenerator(SEED).generate(DOCUMENTS, SEED);
        long generated = System.nanoTime();
        PolicyExtractor warm = new PolicyExtractor();
        ThreadLocal<PolicyExtractor> extractors = ThreadLocal.withInitial(() -> new PolicyExtractor(warm.gazetteer()));
        ExecutorService pool = Executors.newFixedThreadPool(EXTRACTION_THREADS);
        try {
            List<Future<Extraction>> extracted = new ArrayList<>();
            for (CorpusGenerator.Document d : documents) {
                extracted.add(pool.submit(() -> extractors.get().extract(d.fileName(),
                        DocumentPreparer.prepare(d.text().getBytes(StandardCharsets.UTF_8)))));
            }
            int ok = 0;
            long loading = 0;
            for (int from = 0; from < extracted.size(); from += BATCH) {
                List<Extraction> batch = new ArrayList<>();
                for (Future<Extraction> f : extracted.subList(from, Math.min(from + BATCH, extracted.size()))) {
                    batch.add(f.get());
                }
                long l0 = System.nanoTime();
                ok += (int) loader.loadBatch(batch).stream().filter(GraphLoader.BatchItem::ok).count();
                loading += System.nanoTime() - l0;
            }
            System.out.printf("Generated %d documents in %.1f s; extraction and loading %.1f s, of which waiting for the"
                    + " database %.1f s%n", DOCUMENTS, (generated - start) / 1e9, (System.nanoTime() - generated) / 1e9, loading / 1e9);
            assertThat(ok).isEqualTo(DOCUMENTS);
        } finally {
            pool.shutdown();
        }
        loaded = true;
        System.out.printf("Generated, extracted and loaded %d documents in %.1f s (process CPU %.1f s; load average %.1f)%n",
                DOCUMENTS, (System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpuStart) / 1e9, os.getSystemLoadAverage());
    }

    @Test
    void landingOverviewCountsTheThousandDocuments() {
        open("");
        WebElement overview = waitFor().until(d -> d.findElements(By.cssSelector("#overview .ov-years")).stream()
                .findFirst().map(e -> d.findElement(By.id("overview"))).orElse(null));
        assertThat(overview.isDisplayed()).isTrue();
        // the years' documents add up to the corpus, and their tasks to the task count
        List<String> years = texts("#overview .ov-years li");
        assertThat(years).hasSizeGreaterThanOrEqualTo(5);
        int documents = 0;
        long tasks = 0;
        for (String year : years) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4} 年 (\\d+) 份文件 · (\\d+) 项任务").matcher(year);
            assertThat(m.matches()).as(year).isTrue();
            documents += Integer.parseInt(m.group(1));
            tasks += Long.parseLong(m.group(2));
        }
        assertThat(documents).isEqualTo(DOCUMENTS);
        long taskCount = Long.parseLong(driver.findElement(By.cssSelector("#overview .ov-count-task b")).getText().replace(",", ""));
        assertThat(taskCount).isGreaterThan(DOCUMENTS * 15L).isEqualTo(tasks);
        assertThat(texts("#overview .ov-latest li")).hasSize(5);
    }

    @Test
    void searchFindsADepartmentAcrossTheCorpus() {
        open("");
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("卫健委");
        WebElement hit = waitFor().until(d -> d.findElements(By.cssSelector("#suggestions li[data-node^='department:']")).stream()
                .findFirst().orElse(null));
        assertThat(hit.getText()).contains("卫生健康委");
        String department = hit.getAttribute("data-node");
        hit.click();
        waitIdle();
        waitFor().until(d -> hasNode(department) && nodeIds("task").size() > 0);
        assertThat(driver.findElement(By.id("status")).getText()).matches("\\d+ 个节点 · \\d+ 条关系.*");
    }

    @Test
    void aGraphOfThreeHundredNodesOpensWithNoOverlappingLabelsAndItsTable() {
        open("");
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('api/documents', { headers: { Accept: 'application/json' } })"
                + ".then(r => r.json()).then(b => done(b.documents.map(d => d.key)));");
        assertThat(keys).hasSize(DOCUMENTS);
        String nodes = String.join(",", keys.subList(0, DOCUMENTS_IN_GRAPH).stream().map(k -> encode("document:" + k)).toList());
        open("#nodes=" + nodes);
        waitFor().until(d -> hasNode("document:" + keys.get(DOCUMENTS_IN_GRAPH - 1)));
        waitIdle();
        assertThat(shownNodes()).isGreaterThanOrEqualTo(LARGE_GRAPH);
        // the labels as placed on the page at the zoom the view opened with
        Map<String, Number> force = labelsOnThePage();
        System.out.println("Labels of a " + shownNodes() + "-node graph, force layout: " + force);
        assertThat(force.get("overlaps").intValue()).isZero();
        assertThat(force.get("shown").intValue()).isGreaterThan(DOCUMENTS_IN_GRAPH);

        new Select(driver.findElement(By.id("layout-select"))).selectByValue("tree");
        waitIdle();
        Map<String, Number> tree = labelsOnThePage();
        System.out.println("Labels, hierarchical layout: " + tree);
        assertThat(tree.get("overlaps").intValue()).isZero();
        assertThat(tree.get("shown").intValue()).isGreaterThan(DOCUMENTS_IN_GRAPH);
        assertThat(tree.get("nodeOverlaps").intValue()).isZero();
        screenshot("largeCorpusHierarchy");

        // collapsed by document: one group per document
        new Select(driver.findElement(By.id("group-select"))).selectByValue("document");
        waitIdle();
        assertThat(((Number) js("return window.policygraph.cy.nodes('[type = \"group\"]:visible').length")).intValue())
                .isEqualTo(DOCUMENTS_IN_GRAPH);
        screenshot("largeCorpusGrouped");
        new Select(driver.findElement(By.id("group-select"))).selectByValue("");
        waitIdle();

        // the table lists every visible task
        driver.findElement(By.id("show-table")).click();
        WebElement view = waitFor().until(d -> d.findElement(By.id("table-view")).isDisplayed() ? d.findElement(By.id("table-view")) : null);
        int tasks = nodeIds("task").size();
        assertThat(tasks).isGreaterThan(DOCUMENTS_IN_GRAPH * 15);
        assertThat(view.findElements(By.cssSelector("tbody tr"))).hasSize(tasks);
        assertThat(csvLines("window.policygraph.csv('tasks')")).hasSize(1 + tasks);
    }

    /** Shown labels and their overlaps, read from the page once the labels are placed after the view settled. */
    @SuppressWarnings("unchecked")
    private static Map<String, Number> labelsOnThePage() {
        return (Map<String, Number>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const cy = window.policygraph.cy;
                // the labels are placed 80 ms after the layout stops; wait for that pass
                setTimeout(() => {
                  const nodes = cy.nodes(':visible');
                  const shown = nodes.filter((n) => !n.hasClass('label-hidden') && n.data('label'));
                  const overlapsOf = (boxes) => {
                    let count = 0;
                    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                      const a = boxes[i], b = boxes[j];
                      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) count++;
                    }
                    return count;
                  };
                  done({
                    zoom: cy.zoom(), nodes: nodes.length, shown: shown.length,
                    overlaps: overlapsOf(shown.map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }))),
                    nodeOverlaps: overlapsOf(nodes.map((n) => n.boundingBox({ includeLabels: false, includeOverlays: false }))),
                  });
                }, 500);
                """);
    }
}
