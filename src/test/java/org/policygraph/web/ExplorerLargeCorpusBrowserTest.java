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
import org.policygraph.corpus.CorpusLifecycle;
import org.policygraph.corpus.ExtractorVersion;
import org.policygraph.extract.region.RegionGazetteer;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.ingest.PreparedDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The explorer on a generated corpus of 1,000 documents (bench/generate's {@link CorpusGenerator}, the seed
 * of BENCHMARKS.md), every item of issue #19 once: the landing overview, search (abbreviations, passages), a
 * graph of 300 nodes and more whose labels do not overlap at the zoom it opens with (both layouts), grouping,
 * the tables of a 444-node answer as the same rows in CSV and Excel, GEXF, GraphML and PNG, the legend, counts
 * that follow the filters, pilot and indicator labels, hide, pin and undo, questions in Chinese (one partly
 * understood), the document view with its kept text, year over year, the Cypher console and GraphiQL's Docs.
 * The corpus is loaded once, the way bench/load does it in process (extraction on both cores,
 * {@link GraphLoader#loadBatch} in batches of 100, no linking), with each document's text kept as the
 * ingester keeps it. Screenshots go to target/screenshots/ like those of {@link ExplorerBrowserTest}.
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

    @Autowired
    CorpusLifecycle corpus;

    static boolean loaded;
    /** The generated documents, and what each became in the graph (its key and numbers of sections and tasks). */
    static List<CorpusGenerator.Document> DOCUMENTS_GENERATED;
    static final List<GraphLoader.Loaded> LOADED = new ArrayList<>();
    /** An extractor already warmed up, for a document loaded by a test. */
    static PolicyExtractor extractor;

    @BeforeEach
    void loadCorpusOnce() throws Exception {
        if (loaded) return;
        long start = System.nanoTime();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        List<CorpusGenerator.Document> documents = new CorpusGenerator(SEED).generate(DOCUMENTS, SEED);
        DOCUMENTS_GENERATED = documents;
        long generated = System.nanoTime();
        PolicyExtractor warm = new PolicyExtractor();
        extractor = warm;
        ThreadLocal<PolicyExtractor> extractors = ThreadLocal.withInitial(() -> new PolicyExtractor(warm.gazetteer()));
        ExecutorService pool = Executors.newFixedThreadPool(EXTRACTION_THREADS);
        try {
            List<Future<Extracted>> extracted = new ArrayList<>();
            for (CorpusGenerator.Document d : documents) {
                extracted.add(pool.submit(() -> extract(extractors.get(), d)));
            }
            int ok = 0;
            long loading = 0;
            for (int from = 0; from < extracted.size(); from += BATCH) {
                List<Extraction> batch = new ArrayList<>();
                List<GraphLoader.Source> sources = new ArrayList<>();
                for (Future<Extracted> f : extracted.subList(from, Math.min(from + BATCH, extracted.size()))) {
                    batch.add(f.get().extraction());
                    sources.add(f.get().source());
                }
                long l0 = System.nanoTime();
                for (GraphLoader.BatchItem item : loader.loadBatch(batch, sources)) {
                    if (item.ok()) ok++;
                    LOADED.add(item.ok() ? item.loaded() : null);
                }
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

    /** An extraction with the text it was made from, kept with the document as the ingester keeps it (the document view shows it). */
    record Extracted(Extraction extraction, GraphLoader.Source source) {}

    static Extracted extract(PolicyExtractor extractor, CorpusGenerator.Document d) throws Exception {
        PreparedDocument prepared = DocumentPreparer.prepare(d.text().getBytes(StandardCharsets.UTF_8));
        return new Extracted(extractor.extract(d.fileName(), prepared),
                new GraphLoader.Source(prepared.read().text(), ExtractorVersion.CURRENT, null));
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
        openTheLargeGraph();
        // the labels as placed on the page at the zoom the view opened with
        Map<String, Number> force = labelsOnThePage();
        System.out.println("Labels of a " + shownNodes() + "-node graph, force layout: " + force);
        assertThat(force.get("overlaps").intValue()).isZero();
        assertThat(force.get("shown").intValue()).isGreaterThan(DOCUMENTS_IN_GRAPH);
        // the force layout has settled: nothing moves any more
        Number moved = (Number) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const cy = window.policygraph.cy;
                const at = Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
                setTimeout(() => done(Math.max(...cy.nodes().map((n) => Math.hypot(n.position('x') - at[n.id()].x,
                  n.position('y') - at[n.id()].y)))), 1500);
                """);
        assertThat(moved.doubleValue()).as("largest move 1.5 s after the force layout stopped").isLessThan(0.5);

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

    // Each item of the explorer once more on the 1,000 documents, reusing the loaded corpus

    @Test
    void theLargeResultsTablesOpenAsTheSameRowsInCsvAndExcelAndItsGraphExportsHoldWhatIsDrawn() throws java.io.IOException {
        int answered = openTheLargeAnswer();
        driver.findElement(By.id("show-table")).click();
        waitFor().until(d -> d.findElement(By.id("table-view")).isDisplayed());
        Map<String, Integer> sizes = Map.of("tasks", nodeIds("task").size(), "pilots", nodeIds("pilot").size(),
                "indicators", nodeIds("indicator").size());
        System.out.println("Tables of the large graph: " + sizes);
        // a pilot without programme and an indicator without subject, as extraction may leave them: their first
        // cell is as empty in the table as in the CSV (the table showed the node's id instead)
        js("const cy = window.policygraph.cy; cy.nodes('[type = \"pilot\"]')[0].data('programme', null);"
                + " cy.nodes('[type = \"indicator\"]')[0].data('subject', null);");
        for (String which : List.of("tasks", "pilots", "indicators")) {
            driver.findElement(By.cssSelector("#table-view button[data-table='" + which + "']")).click();
            List<List<String>> shown = tableOnThePage();
            assertThat(sizes.get(which)).as(which).isPositive();
            assertThat(shown).as(which).noneMatch(row -> row.get(0).matches("(task|pilot|indicator):.*"));
            if (!which.equals("tasks")) assertThat(shown).as(which).anyMatch(row -> row.get(0).isEmpty());
            assertThat(shown).as(which).hasSize(1 + sizes.get(which));
            // the CSV and the workbook open with the rows of the table, cell for cell
            assertThat(csvLines("window.policygraph.csv('" + which + "')")).hasSizeGreaterThanOrEqualTo(shown.size());
            assertThat(parseCsv((String) js("return window.policygraph.csv(arguments[0])", which))).as(which + " CSV").isEqualTo(shown);
            assertThat(xlsxRows(which, "largeCorpus-" + which)).as(which + " Excel").isEqualTo(shown);
        }
        assertThat(sizes.get("tasks")).isEqualTo(answered);
        driver.findElement(By.id("table-close")).click();

        @SuppressWarnings("unchecked")
        Map<String, Number> exported = (Map<String, Number>) js("""
                const p = window.policygraph;
                const read = (text) => new DOMParser().parseFromString(text, 'application/xml');
                const g = read(p.gexf()), m = read(p.graphml());
                return {
                  errors: g.getElementsByTagName('parsererror').length + m.getElementsByTagName('parsererror').length,
                  gexfNodes: g.getElementsByTagName('node').length, gexfEdges: g.getElementsByTagName('edge').length,
                  graphmlNodes: m.getElementsByTagName('node').length, graphmlEdges: m.getElementsByTagName('edge').length,
                  gexfTasks: g.querySelectorAll('attvalue[for="type"][value="task"]').length,
                  nodes: p.cy.nodes(':visible').length, edges: p.cy.edges(':visible').length,
                };
                """);
        System.out.println("GEXF and GraphML of the large graph: " + exported);
        assertThat(exported.get("errors").intValue()).isZero();
        assertThat(exported.get("nodes").intValue()).isGreaterThan(answered);
        assertThat(exported.get("gexfNodes")).isEqualTo(exported.get("nodes"));
        assertThat(exported.get("graphmlNodes")).isEqualTo(exported.get("nodes"));
        assertThat(exported.get("gexfEdges")).isEqualTo(exported.get("edges"));
        assertThat(exported.get("graphmlEdges")).isEqualTo(exported.get("edges"));
        assertThat(exported.get("gexfTasks").intValue()).isEqualTo(sizes.get("tasks"));

        Map<String, Object> picture = exportedPicture("largeCorpusExport");
        assertThat(((Number) picture.get("height")).intValue()).isGreaterThan(((Number) picture.get("plainHeight")).intValue() + 100);
        assertThat(((Number) picture.get("ink")).intValue()).as("title, query and legend drawn above the graph").isGreaterThan(2000);
    }

    @Test
    void onTheLargeGraphTheLegendCountsLabelsHidingAndUndoHold() {
        openTheLargeAnswer();
        assertLegendMatchesTheGraph();
        // every kind of node drawn, and still no label over another at the zoom the view opened with
        Map<String, Number> labels = labelsOnThePage();
        System.out.println("Labels of the answer's graph: " + labels);
        assertThat(labels.get("overlaps").intValue()).isZero();

        // the status line counts what is visible, and follows the filters
        String all = driver.findElement(By.id("status")).getText();
        assertThat(all).startsWith(shownNodes() + " 个节点 · " + shownEdges() + " 条关系");
        driver.findElement(By.cssSelector("#legend input[data-type='department']")).click();
        String noDepartments = driver.findElement(By.id("status")).getText();
        assertThat(noDepartments).startsWith(shownNodes() + " 个节点 · " + shownEdges() + " 条关系");
        assertThat(relationCount(noDepartments)).isLessThan(relationCount(all));
        driver.findElement(By.cssSelector("#legend input[data-type='department']")).click();
        driver.findElement(By.cssSelector("#role-filter input[data-role='LEAD']")).click();
        String noLeads = driver.findElement(By.id("status")).getText();
        assertThat(noLeads).startsWith(shownNodes() + " 个节点 · " + shownEdges() + " 条关系");
        assertThat(relationCount(noLeads)).isLessThan(relationCount(all));
        driver.findElement(By.cssSelector("#role-filter input[data-role='LEAD']")).click();
        String year = (String) js("return [...document.querySelectorAll('#year-filter option')].map(o => o.value).find(v => v) || ''");
        assertThat(year).matches("\\d{4}");
        new Select(driver.findElement(By.id("year-filter"))).selectByValue(year);
        String oneYear = driver.findElement(By.id("status")).getText();
        assertThat(oneYear).startsWith(shownNodes() + " 个节点 · " + shownEdges() + " 条关系");
        assertThat(relationCount(oneYear)).isLessThan(relationCount(all));
        assertThat(js("return window.policygraph.cy.nodes('[type = \"task\"]:visible').every(n => String(n.data('year')) === arguments[0])", year))
                .isEqualTo(true);
        new Select(driver.findElement(By.id("year-filter"))).selectByValue("");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo(all);

        // pilots read as programme over site, indicators as subject and value
        @SuppressWarnings("unchecked")
        Map<String, Number> labelled = (Map<String, Number>) js("""
                const cy = window.policygraph.cy;
                const fits = (line, name, max) => line === (name.length > max ? name.slice(0, max) + '…' : name);
                const pilots = cy.nodes('[type = "pilot"]');
                const full = pilots.filter((n) => n.data('programme') && (n.data('sites') || []).length);
                const badPilots = full.filter((n) => {
                  const [first, second] = n.data('label').split('\\n');
                  const sites = n.data('sites');
                  return !fits(first, n.data('programme'), 12)
                    || !second.startsWith(sites[0].slice(0, 7)) || (sites.length > 1) !== second.endsWith(` 等 ${sites.length} 处`);
                });
                const bare = pilots.filter((n) => /^(国家级|省级|市级|县级)?试点$/.test(n.data('label')));
                const indicators = cy.nodes('[type = "indicator"]').filter((n) => n.data('value') && n.data('subject'));
                const badIndicators = indicators.filter((n) => !n.data('label').includes(n.data('value'))
                  || n.data('label').length <= n.data('value').length + 1);
                return { pilots: pilots.length, full: full.length, badPilots: badPilots.length, bare: bare.length,
                  indicators: indicators.length, badIndicators: badIndicators.length };
                """);
        System.out.println("Labels of pilots and indicators: " + labelled);
        assertThat(labelled.get("full").intValue()).isPositive();
        assertThat(labelled.get("badPilots").intValue()).isZero();
        assertThat(labelled.get("bare").intValue()).isZero();
        assertThat(labelled.get("indicators").intValue()).isPositive();
        assertThat(labelled.get("badIndicators").intValue()).isZero();

        // hiding the busiest department hides its relationships; undo brings them back
        long nodes = shownNodes();
        long edges = shownEdges();
        String department = (String) js("return window.policygraph.cy.nodes('[type = \"department\"]')"
                + ".max(n => n.connectedEdges(':visible').length).ele.id()");
        long degree = ((Number) js("return window.policygraph.cy.getElementById(arguments[0]).connectedEdges(':visible').length",
                department)).longValue();
        assertThat(degree).isGreaterThan(1);
        js("const cy = window.policygraph.cy; cy.$(':selected').unselect(); cy.getElementById(arguments[0]).select();", department);
        driver.findElement(By.id("hide-selected")).click();
        waitFor().until(d -> shownNodes() == nodes - 1);
        assertThat(shownEdges()).isEqualTo(edges - degree);
        assertThat(driver.findElement(By.id("status")).getText()).startsWith((nodes - 1) + " 个节点 · " + (edges - degree) + " 条关系")
                .contains("已隐藏 1 个");
        pressUndo();
        waitFor().until(d -> shownNodes() == nodes);
        assertThat(shownEdges()).isEqualTo(edges);

        // a node dragged is pinned: a relayout leaves it in place; undo unpins it
        String document = nodeIds("document").get(0);
        dragNode(document, 60, 40);
        String pinned = waitFor().until(d -> (String) js("return window.policygraph.cy.nodes('[?pinned]').map(n => n.id())[0] || null"));
        Map<String, Double> at = position(pinned);
        driver.findElement(By.id("relayout")).click();
        waitIdle();
        assertThat(position(pinned)).isEqualTo(at);
        pressUndo();
        pressUndo();
        assertThat(js("return window.policygraph.cy.nodes('[?pinned]').length")).isEqualTo(0L);
    }

    @Test
    void questionsInChineseAreAnsweredOverTheCorpusAndAPartlyUnderstoodOneSaysWhatItDropped() {
        int answered = ask("省医保局牵头的任务有哪些？", null);
        int partly = ask("省医保局牵头的、经费超过一亿元的任务有哪些？", "经费");
        assertThat(partly).as("the understood part is the whole question before").isEqualTo(answered);
    }

    /** Asks in the search box; checks the answer against its equivalent GraphQL query and the graph; returns its count. */
    private int ask(String question, String dropped) {
        open("");
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys(question);
        search.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor().until(d -> !d.findElements(By.cssSelector("#ask-bar .chip[data-field]")).isEmpty()
                && !d.findElements(By.cssSelector("#panel pre.ask-query")).isEmpty());
        waitIdle();
        assertThat(texts("#ask-bar .chip[data-field] .chip-value")).contains("省医保局");
        String count = driver.findElement(By.cssSelector("#ask-bar .ask-count")).getText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile((dropped == null ? "" : "部分理解：") + "(\\d+) 个任务").matcher(count);
        assertThat(m.lookingAt()).as(count).isTrue();
        int total = Integer.parseInt(m.group(1));
        assertThat(total).as(question).isPositive();
        List<String> notUnderstood = texts("#ask-bar .chip.not-understood");
        if (dropped == null) {
            assertThat(notUnderstood).isEmpty();
        } else {
            assertThat(notUnderstood).anyMatch(w -> w.contains(dropped));
        }
        // the equivalent query the panel shows gives the same number of tasks
        String query = driver.findElement(By.cssSelector("#panel pre.ask-query")).getText();
        Number server = (Number) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },"
                + " body: JSON.stringify({ query: arguments[0] }) }).then(r => r.json()).then(b => done(b.data.tasks.totalCount));", query);
        assertThat(server.intValue()).isEqualTo(total);
        // the tasks listed are drawn, each with the provincial health insurance bureau as its lead
        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) js("return [...document.querySelectorAll('#panel .answer-list a.node-link')].map(a => a.dataset.node)");
        assertThat(listed).hasSize(Math.min(total, 100));
        assertThat(js("const cy = window.policygraph.cy; return arguments[0].filter(id => !cy.getElementById(id).outgoers('edge[rel = \"ASSIGNED_TO\"]')"
                + ".some(e => e.data('role') === 'LEAD' && /医保|医疗保障/.test(e.target().data('label'))))", listed)).asList().isEmpty();
        return total;
    }

    @Test
    void searchShowsPassagesOfTheDocumentsTextAroundTheKeyword() {
        open("");
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("带量采购");
        waitFor().until(d -> {
            List<String> marks = texts("#suggestions li[data-node^='task:'] .s-kwic mark");
            return !marks.isEmpty() && marks.stream().allMatch("带量采购"::equals);
        });
        List<WebElement> hits = driver.findElements(By.cssSelector("#suggestions li[data-node^='task:']"));
        for (WebElement hit : hits) {
            String task = hit.getAttribute("data-node");
            String passage = hit.findElement(By.cssSelector(".s-kwic")).getText();
            assertThat(passage.length()).isGreaterThan("带量采购".length() + 10);
            String document = task.substring("task:".length(), task.lastIndexOf('#'));
            String text = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch('api/documents/text?key=' + encodeURIComponent(arguments[0]))"
                    + ".then(r => r.text()).then(done);", document);
            // the task's text is the document's without its layout marks (** of bold headings) and with spaces flattened
            assertThat(text.replaceAll("[\\s*]+", "")).as("the passage of " + task + " is in its document")
                    .contains(passage.replace("…", "").replaceAll("[\\s*]+", ""));
        }
        String first = hits.get(0).getAttribute("data-node");
        hits.get(0).click();
        waitIdle();
        waitFor().until(d -> hasNode(first));
        search.clear();
    }

    @Test
    void documentViewShowsAGeneratedDocumentsRealText() {
        int i = 7;
        GraphLoader.Loaded doc = LOADED.get(i);
        open("#/document/" + encode(doc.documentKey()) + "?task=3");
        WebElement target = waitFor().until(d -> d.findElements(By.cssSelector("#docview .doc-text .doc-task.target")).stream()
                .findFirst().orElse(null));
        waitIdle();
        assertThat(target.getAttribute("id")).isEqualTo("task-3");
        assertThat(driver.findElements(By.cssSelector("#docview .doc-text .doc-task"))).hasSize(doc.tasks());
        assertThat(driver.findElements(By.cssSelector("#docview .doc-rebuilt"))).isEmpty();
        String kept = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('api/documents/text?key=' + encodeURIComponent(arguments[0]))"
                + ".then(r => r.text()).then(done);", doc.documentKey());
        // the page shows the kept text, every character of it, and it is the generated document's
        assertThat(js("return document.querySelector('#docview .doc-text').textContent")).isEqualTo(kept);
        assertThat(kept).contains(DOCUMENTS_GENERATED.get(i).docNumber());
        assertThat(js("const r = document.querySelector('#docview .doc-task.target').getBoundingClientRect();"
                + " return r.top >= 0 && r.top < window.innerHeight;")).isEqualTo(true);
    }

    @Test
    void yearOverYearComparesAnIssuersTwoYearsAndSaysWhenAYearHasNoDocument() throws Exception {
        // CorpusGenerator cycles through the issuers (every division with a code but 市辖区/直辖: 3,215), one
        // document each: at 1,000 documents no issuer has two. Document i + 3,215 is issuer i's next year; one
        // is loaded for the comparison and deleted after.
        RegionGazetteer gazetteer = RegionGazetteer.load();
        List<RegionGazetteer.Division> issuers = gazetteer.divisions().stream()
                .filter(d -> d.code() != null && !d.name().contains("市辖区") && !d.name().contains("直辖")).toList();
        int cycle = issuers.size();
        List<CorpusGenerator.Document> more = new CorpusGenerator(SEED).generate(cycle + 20, SEED);
        int i = -1;
        for (int j = 0; j < 20 && i < 0; j++) {
            CorpusGenerator.Document a = DOCUMENTS_GENERATED.get(j), b = more.get(cycle + j);
            String name = gazetteer.byCode(a.issuerCode()).orElseThrow().name();
            long sameName = issuers.stream().filter(d -> d.name().equals(name)).count();
            if (b.issuerCode().equals(a.issuerCode()) && b.year() == a.year() + 1 && sameName == 1) i = j;
        }
        assertThat(i).as("an issuer with its next year's document among the first 20").isNotNegative();
        CorpusGenerator.Document earlier = DOCUMENTS_GENERATED.get(i);
        CorpusGenerator.Document later = more.get(cycle + i);
        String region = gazetteer.byCode(earlier.issuerCode()).orElseThrow().name();
        Extracted extracted = extract(extractor, later);
        GraphLoader.BatchItem item = loader.loadBatch(List.of(extracted.extraction()), List.of(extracted.source())).get(0);
        assertThat(item.ok()).isTrue();
        GraphLoader.Loaded from = LOADED.get(i);
        GraphLoader.Loaded to = item.loaded();
        try {
            open("");
            yearOverYear(region, earlier.level().name(), earlier.year(), later.year());
            WebElement kept = waitFor().until(d -> d.findElements(By.cssSelector("#panel .yoy-kept b")).stream().findFirst().orElse(null));
            waitIdle();
            int k = Integer.parseInt(kept.getText());
            int added = Integer.parseInt(driver.findElement(By.cssSelector("#panel .yoy-added b")).getText());
            int dropped = Integer.parseInt(driver.findElement(By.cssSelector("#panel .yoy-dropped b")).getText());
            System.out.printf("Year over year, %s %s %d → %d: kept %d, added %d, dropped %d (%d and %d tasks)%n", region,
                    earlier.level(), earlier.year(), later.year(), k, added, dropped, from.tasks(), to.tasks());
            assertThat(k).as("tasks kept").isPositive();
            assertThat(k + dropped).as("every task of %d kept or dropped", earlier.year()).isEqualTo(from.tasks());
            assertThat(k + added).as("every task of %d kept or added", later.year()).isEqualTo(to.tasks());
            assertThat(driver.findElement(By.cssSelector("#panel .yoy-result .meta")).getText())
                    .contains(from.documentKey(), to.documentKey());
            assertThat(driver.findElements(By.cssSelector("#panel .yoy-missing"))).isEmpty();
            // drawn: kept tasks in pairs linked by 延续, added and dropped apart, under both documents
            assertThat(js("return window.policygraph.cy.nodes('[yoy = \"kept\"]').length")).isEqualTo(2L * k);
            assertThat(js("return window.policygraph.cy.edges('[rel = \"CONTINUES\"]').length")).isEqualTo((long) k);
            assertThat(js("return window.policygraph.cy.nodes('[yoy = \"added\"]').length")).isEqualTo((long) added);
            assertThat(js("return window.policygraph.cy.nodes('[yoy = \"dropped\"]').length")).isEqualTo((long) dropped);
            assertThat(hasNode("document:" + from.documentKey()) && hasNode("document:" + to.documentKey())).isTrue();
            screenshot("largeCorpusYearOverYear");

            // the year before has no document of this issuer: said, and nothing compared
            open("");
            yearOverYear(region, earlier.level().name(), earlier.year() - 1, earlier.year());
            WebElement missing = waitFor().until(d -> d.findElements(By.cssSelector("#panel .yoy-missing")).stream().findFirst().orElse(null));
            waitIdle();
            assertThat(missing.getText()).isEqualTo((earlier.year() - 1) + " 年：无文件 — 无法比较");
            assertThat(driver.findElement(By.cssSelector("#panel .yoy-result")).getText()).contains(from.documentKey());
            assertThat(driver.findElements(By.cssSelector("#panel .yoy-added, #panel .yoy-dropped"))).isEmpty();
            assertThat(js("return window.policygraph.cy.nodes('[yoy = \"added\"], [yoy = \"dropped\"]').length")).isEqualTo(0L);
            assertThat(hasNode("document:" + from.documentKey())).isTrue();
        } finally {
            corpus.delete(to.documentKey());
        }
    }

    private void yearOverYear(String region, String level, int fromYear, int toYear) {
        driver.findElement(By.id("yoy")).click();
        WebElement form = waitFor().until(d -> d.findElements(By.cssSelector("#panel #yoy-form")).stream().findFirst().orElse(null));
        js("const f = arguments[0]; f.elements.region.value = arguments[1]; f.elements.level.value = arguments[2];"
                + " f.elements.fromYear.value = arguments[3]; f.elements.toYear.value = arguments[4];", form, region, level, fromYear, toYear);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void consoleInChineseAnswersOverTheCorpusAsATableAndAsAGraph() {
        open("");
        driver.findElement(By.id("to-console")).click();
        waitFor().until(d -> d.getCurrentUrl().endsWith("/cypher.html") && "true".equals(js("return document.body.dataset.ready || ''")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Cypher 控制台", "只读");
        query("MATCH (d:Document) WHERE d.stub = false RETURN count(d) AS 文件数", "");
        assertThat(texts("#result thead th")).containsExactly("文件数");
        assertThat(texts("#result tbody td")).containsExactly(String.valueOf(DOCUMENTS));
        assertThat(driver.findElement(By.id("status")).getText()).matches("1 行，\\d+ 个节点、\\d+ 条关系，用时 \\d+ 毫秒");

        query("MATCH (t:Task)-[a:ASSIGNED_TO {role: 'LEAD'}]->(d:Department {name: $department}) RETURN count(t) AS n",
                "{\"department\": \"省医保局\"}");
        int leads = Integer.parseInt(texts("#result tbody td").get(0));
        assertThat(leads).isPositive();
        query("MATCH (t:Task)-[a:ASSIGNED_TO {role: 'LEAD'}]->(d:Department {name: $department}) RETURN t, a, d LIMIT 60",
                "{\"department\": \"省医保局\"}");
        int rows = Math.min(leads, 60);
        assertThat(driver.findElements(By.cssSelector("#result tbody tr"))).hasSize(rows);
        List<WebElement> cells = driver.findElements(By.cssSelector("#result tbody tr")).get(0).findElements(By.tagName("td"));
        assertThat(cells.get(0).findElement(By.cssSelector(".type-tag")).getText()).isEqualTo("任务");
        assertThat(cells.get(1).getText()).isEqualTo("[:ASSIGNED_TO（牵头）]");
        assertThat(cells.get(2).getText()).startsWith("部门").contains("省医保局");
        assertThat(driver.findElement(By.id("status")).getText()).matches(rows + " 行，\\d+ 个节点、\\d+ 条关系，用时 \\d+ 毫秒");

        driver.findElement(By.cssSelector("#views button[data-view='graph']")).click();
        waitFor().until(d -> d.findElement(By.id("cy")).isDisplayed() && Boolean.TRUE.equals(js(
                "const g = window.policygraphConsole.graph; return !!g && g.cy.nodes().length === window.policygraphConsole.last().graph.nodes.length")));
        assertThat(((Number) js("return window.policygraphConsole.graph.cy.edges('[rel = \"ASSIGNED_TO\"]').length")).intValue()).isEqualTo(rows);
        assertThat(((Number) js("return window.policygraphConsole.graph.cy.nodes('[type = \"task\"]').length")).intValue()).isEqualTo(rows);
        assertThat(js("return window.policygraphConsole.graph.cy.nodes('[type = \"department\"]').map(n => n.data('label'))"))
                .asList().isNotEmpty().allMatch("省医保局"::equals);
    }

    @Test
    void graphiqlDocsListTheSchemasTypes() {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/graphiql");
        waitFor().until(d -> !d.findElements(By.cssSelector(".graphiql-container")).isEmpty());
        if (driver.findElements(By.cssSelector(".graphiql-doc-explorer")).isEmpty()) {
            waitFor().until(d -> d.findElements(By.cssSelector("button[aria-label*='Documentation Explorer']")).stream()
                    .findFirst().orElse(null)).click();
        }
        waitFor().until(d -> d.findElements(By.cssSelector(".graphiql-doc-explorer-type-name")).size() > 5);
        List<String> listed = texts(".graphiql-doc-explorer .graphiql-doc-explorer-type-name").stream().distinct().toList();
        @SuppressWarnings("unchecked")
        List<String> schema = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },"
                + " body: JSON.stringify({ query: '{ __schema { types { name } } }' }) }).then(r => r.json())"
                + ".then(b => done(b.data.__schema.types.map(t => t.name).filter(n => !n.startsWith('__'))));");
        System.out.println("GraphiQL Docs list " + listed.size() + " types");
        assertThat(schema).contains("Query", "Task", "Document", "Department", "Pilot", "Indicator");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(schema);

        // autocompletion: typing in a selection set proposes the query's fields
        @SuppressWarnings("unchecked")
        List<String> queryFields = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },"
                + " body: JSON.stringify({ query: '{ __schema { queryType { fields { name } } } }' }) }).then(r => r.json())"
                + ".then(b => done(b.data.__schema.queryType.fields.map(f => f.name)));");
        js("const cm = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;"
                + " cm.setValue('{\\n  \\n}'); cm.setCursor({ line: 1, ch: 2 }); cm.focus();");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys("tas").perform();
        List<String> hints = waitFor().until(d -> {
            List<String> h = texts(".CodeMirror-hints .CodeMirror-hint");
            return h.isEmpty() ? null : h;
        });
        System.out.println("GraphiQL proposes after {tas: " + hints);
        assertThat(hints).contains("tasks").allMatch(queryFields::contains);
        // no console error either (the page names no icon: the browser asked for /favicon.ico, a 404 until there was one)
    }

    /**
     * The preset 省卫生健康委牵头什么 on the corpus: its answer's tasks (the first 100) drawn with their
     * documents, departments, pilots and their sites, and indicators. Returns the number of tasks listed.
     */
    private int openTheLargeAnswer() {
        open("#preset=province-health-leads");
        waitFor().until(d -> !d.findElements(By.cssSelector("#panel .answer-list li")).isEmpty());
        waitIdle();
        int listed = driver.findElements(By.cssSelector("#panel .answer-list a.node-link")).size();
        System.out.printf("The answer of 省卫生健康委牵头什么: %s; %d nodes, %d relationships, %s%n",
                driver.findElement(By.cssSelector("#panel .preset-answer > p")).getText(), shownNodes(), shownEdges(),
                js("const c = {}; window.policygraph.cy.nodes().forEach(n => { c[n.data('type')] = (c[n.data('type')] || 0) + 1; }); return c;"));
        assertThat(listed).isGreaterThan(50);
        assertThat(nodeIds("task")).hasSize(listed);
        for (String type : List.of("department", "pilot", "indicator", "document")) {
            assertThat(nodeIds(type)).as(type).isNotEmpty();
        }
        return listed;
    }

    /** Opens the first 12 documents of the corpus' list together: a graph of 300 nodes and more. */
    private void openTheLargeGraph() {
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
