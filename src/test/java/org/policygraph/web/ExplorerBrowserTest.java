package org.policygraph.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policygraph.corpus.CorpusLifecycle;
import org.policygraph.corpus.DocumentIngester;
import org.policygraph.upload.SampleDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relationship explorer at {@code /} in headless Chromium against the real application: embedded
 * Neo4j with the two bundled sample documents loaded on start. One browser for the class; every test
 * opens the page afresh, checks the browser console for errors, and saves a screenshot under
 * target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorerBrowserTest {

    static final String BAIYIN_2022 = "市政办发〔2022〕100号";

    @Autowired
    DocumentIngester ingester;

    @Autowired
    CorpusLifecycle corpus;

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path DATA_DIR = Path.of("target", "test-neo4j", UUID.randomUUID().toString()).toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String BAIYIN_TASK_14 = "task:市政办发〔2021〕100号#14";

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("policygraph.mode", () -> "embedded");
        registry.add("policygraph.embedded.data-dir", DATA_DIR::toString);
        registry.add("policygraph.embedded.bolt-address", () -> "127.0.0.1:0");
        registry.add("policygraph.ingest.samples-on-empty", () -> "true");
    }

    static ChromeDriver driver;
    /** The console's refused queries (400) are logged by the browser as errors; a test that sends them says so. */
    static boolean refusedQueriesExpected;
    static Path profile;

    @LocalServerPort
    int port;

    private String testName;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ", which are missing: install them with `apt-get install -y chromium chromium-driver`"
                    + " (.ci/run does this when chromium is absent).");
        }
        profile = Files.createTempDirectory("policygraph-chromium-");
        ChromeOptions options = new ChromeOptions();
        // An explicit browser and driver: Selenium Manager has nothing to look up or download.
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1440,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void name(TestInfo info) {
        refusedQueriesExpected = false;
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
    }

    @AfterEach
    void screenshotAndConsole() {
        screenshot(testName);
        assertThat(consoleErrors()).as("browser console errors").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void pageLoadsWithItsAssetsAndNoConsoleErrors() {
        open("");
        assertThat(driver.findElement(By.id("search")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("#cy canvas"))).isNotEmpty();
        assertThat(js("return typeof cytoscape === 'function' && !!window.policygraph.cy")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#preset-buttons button"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(driver.findElements(By.cssSelector("#legend input[data-type]"))).hasSize(9);
    }

    @Test
    void searchForBaiyinShowsTheCityWithItsPilotSites() {
        open("");
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("白银");
        WebElement hit = waitFor().until(d -> d.findElements(
                By.cssSelector("#suggestions li[data-node='region:620400']")).stream().findFirst().orElse(null));
        assertThat(hit.getText()).contains("白银市");
        hit.click();
        waitIdle();
        waitFor().until(d -> hasNode("region:620400") && hasNode("institution:620400|市第一人民医院"));
        assertThat(hasNode("region:620402")).as("白银区, a child region").isTrue();
        assertThat(nodeIds("pilot")).isNotEmpty();
        // pilot edges carry their level
        assertThat(js("return window.policygraph.cy.edges('[rel = \"AT_SITE\"]').map(e => e.data('label'))"))
                .asList().contains("省级");
        WebElement panel = driver.findElement(By.id("panel"));
        waitFor().until(d -> panel.getText().contains("白银市") && panel.getText().contains("市第一人民医院"));
        assertThat(driver.getCurrentUrl()).contains("nodes=region");
    }

    @Test
    void searchKnowsDepartmentAbbreviationsAndShowsTheMatchingPassage() {
        open("");
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("卫健委");
        WebElement city = waitFor().until(d -> d.findElements(
                By.cssSelector("#suggestions li[data-node='department:620400|市卫生健康委']")).stream().findFirst().orElse(null));
        assertThat(city.getText()).contains("市卫生健康委", "卫健委 即 卫生健康委");
        assertThat(driver.findElements(By.cssSelector("#suggestions li[data-node='department:620000|省卫生健康委']"))).hasSize(1);

        // 发改委 as printed (市发改委) and in full (省发展改革委)
        search.clear();
        search.sendKeys("发改委");
        waitFor().until(d -> !d.findElements(By.cssSelector("#suggestions li[data-node='department:620000|省发展改革委']")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#suggestions li[data-node='department:620400|市发改委']"))).hasSize(1);

        // a full-text hit shows its passage with the keyword
        search.clear();
        search.sendKeys("带量采购");
        waitFor().until(d -> {
            List<String> marks = texts("#suggestions li[data-node^='task:'] .s-kwic mark");
            return !marks.isEmpty() && marks.stream().allMatch("带量采购"::equals);
        });
        WebElement hit = driver.findElement(By.cssSelector("#suggestions li[data-node^='task:'] .s-kwic"));
        assertThat(hit.findElement(By.tagName("mark")).getText()).isEqualTo("带量采购");
        assertThat(hit.getText().length()).isGreaterThan("带量采购".length() + 10);

        // the alias table over HTTP
        @SuppressWarnings("unchecked")
        Map<String, Object> aliases = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('api/reference/department-aliases').then(r => r.json())"
                + ".then(b => done(b.functions.find(f => f.function === '卫生健康委')));");
        assertThat((List<String>) aliases.get("aliases")).contains("卫健委", "卫生健康委员会");
        search.clear();
    }

    @Test
    void doubleClickOnANodeExpandsItsNeighbours() {
        open("#nodes=" + encode("region:620400"));
        waitFor().until(d -> hasNode(BAIYIN_TASK_14));
        assertThat(hasNode("department:620400|市卫生健康委")).isFalse();
        long before = nodeCount();
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) js(
                "const n = window.policygraph.cy.getElementById(arguments[0]); return n.renderedPosition();",
                BAIYIN_TASK_14);
        WebElement canvas = driver.findElement(By.id("cy"));
        int x = (int) Math.round(at.get("x").doubleValue() - canvas.getSize().getWidth() / 2.0);
        int y = (int) Math.round(at.get("y").doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(driver).moveToElement(canvas, x, y).doubleClick().perform();
        waitFor().until(d -> hasNode("department:620400|市卫生健康委"));
        waitIdle();
        assertThat(nodeCount()).isGreaterThan(before);
        assertThat(driver.getCurrentUrl()).contains(encode(BAIYIN_TASK_14));

        // from the task's panel to its lead department: its tasks grouped by document and role
        // The panel re-renders while the expansion settles: find and click in one retried step.
        waitFor().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#panel a.node-link[data-node='department:620400|市卫生健康委']")).click();
            return true;
        });
        waitFor().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector("#panel h2"))
                .stream().anyMatch(h -> h.getText().equals("市卫生健康委")));
        waitFor().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("panel")).getText().contains("牵头（"));
        assertThat(driver.findElement(By.id("panel")).getText()).contains("白银市深化医药卫生体制改革2021年重点工作任务", "开展公立医院高质量发展试点");
    }

    @Test
    void panelShowsATaskWithItsEvidenceHighlighted() {
        open("#nodes=" + encode(BAIYIN_TASK_14) + "&sel=" + encode(BAIYIN_TASK_14));
        WebElement text = waitFor().until(d -> d.findElements(By.cssSelector("#panel .task-text")).stream()
                .findFirst().orElse(null));
        assertThat(text.getText()).contains("开展公立医院高质量发展试点");
        List<String> lead = texts("#panel .task-text mark.ev-lead");
        assertThat(lead).contains("市卫生健康委");
        assertThat(texts("#panel .task-text mark.ev-partner")).contains("市财政局", "市医保局");
        assertThat(texts("#panel .task-text mark.ev-site")).contains("市第一人民医院", "市中西医结合医院");
        assertThat(driver.findElements(By.cssSelector("#panel .task-text mark.ev-pilot"))).isNotEmpty();
        assertThat(driver.findElement(By.id("panel")).getText()).contains("省级试点", "牵头");

        // the link to the whole document, scrolled to the task
        driver.findElement(By.cssSelector("#panel a.doc-link")).click();
        WebElement target = waitFor().until(d -> d.findElements(By.cssSelector("#docview .doc-task.target")).stream()
                .findFirst().orElse(null));
        assertThat(target.getText()).contains("开展公立医院高质量发展试点");
        assertThat(driver.findElements(By.cssSelector("#docview .doc-task"))).hasSizeGreaterThan(20);
        assertThat(driver.getCurrentUrl()).contains("#/document/").contains("task=14");
    }

    @Test
    void panelShowsThemesAndLinkedTasksAndTheYearOverYearView() {
        // A task implements only tasks of its year or earlier: the Baiyin sample of 2021 takes up nothing of
        // Gansu 2022, so the same notice is also loaded as if issued in 2022 (deleted at the end).
        String text = SampleDocuments.inGansuYear(SampleDocuments.text(SampleDocuments.BAIYIN));
        assertThat(ingester.ingest("baiyin-2022.txt", text.getBytes(StandardCharsets.UTF_8)).ok()).isTrue();
        try {
            linkedTasksAndYearOverYear();
        } finally {
            corpus.delete(BAIYIN_2022);
        }
    }

    private void linkedTasksAndYearOverYear() {
        String task9 = "task:" + BAIYIN_2022 + "#9";
        open("#nodes=" + encode(task9) + "&sel=" + encode(task9));
        WebElement tag = waitFor().until(d -> d.findElements(By.cssSelector("#panel .theme-tag[data-theme='带量采购']"))
                .stream().findFirst().orElse(null));
        assertThat(tag.getText()).isEqualTo("带量采购");
        assertThat(tag.getAttribute("title")).startsWith("触发词：");
        List<WebElement> implementsLinks = driver.findElements(By.cssSelector("#panel .task-links.implements li.task-link"));
        assertThat(implementsLinks).isNotEmpty();
        WebElement first = implementsLinks.get(0);
        assertThat(first.getText()).contains("甘政办发〔2022〕84号", "第 2 项", "共同词：");
        assertThat(first.findElement(By.cssSelector(".link-score")).getText()).matches("\\d\\.\\d\\d");

        // a linked task opens in the graph and the panel
        WebElement link = first.findElement(By.cssSelector("a.node-link"));
        String target = link.getAttribute("data-node");
        assertThat(target).startsWith("task:甘政办发〔2022〕84号#");
        link.click();
        waitFor().until(d -> hasNode(target) && target.equals(js("return window.policygraph.cy.$(':selected').map(n => n.id())[0] || ''")));
        waitIdle();
        waitFor().until(d -> d.findElements(By.cssSelector("#panel .task-links.implemented-by li.task-link")).stream()
                .anyMatch(e -> e.getText().contains(BAIYIN_2022)));

        // year over year: Baiyin city 2021 → 2022, the same notice in both years
        driver.findElement(By.id("yoy")).click();
        WebElement form = waitFor().until(d -> d.findElements(By.cssSelector("#panel #yoy-form")).stream().findFirst().orElse(null));
        WebElement region = form.findElement(By.name("region"));
        region.clear();
        region.sendKeys("白银市");
        new Select(form.findElement(By.name("level"))).selectByValue("CITY");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement kept = waitFor().until(d -> d.findElements(By.cssSelector("#panel .yoy-kept b")).stream().findFirst().orElse(null));
        assertThat(kept.getText()).isEqualTo("26");
        assertThat(driver.findElement(By.cssSelector("#panel .yoy-added b")).getText()).isEqualTo("0");
        assertThat(driver.findElement(By.cssSelector("#panel .yoy-result")).getText()).contains(BAIYIN_2022);
    }

    @Test
    void yearOverYearSaysWhenAYearHasNoDocument() {
        open("");
        driver.findElement(By.id("yoy")).click();
        WebElement form = waitFor().until(d -> d.findElements(By.cssSelector("#panel #yoy-form")).stream().findFirst().orElse(null));
        assertThat(form.findElement(By.name("region")).getAttribute("value")).isEqualTo("甘肃省");
        new Select(form.findElement(By.name("level"))).selectByValue("PROVINCE");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // Gansu has no 2021 document: no comparison, so nothing counts as added or dropped
        WebElement result = waitFor().until(d -> d.findElements(By.cssSelector("#panel .yoy-result")).stream().findFirst().orElse(null));
        waitIdle();
        assertThat(result.findElement(By.cssSelector(".yoy-missing")).getText()).isEqualTo("2021 年：无文件 — 无法比较");
        assertThat(result.getText()).contains("甘政办发〔2022〕84号").doesNotContain("新增", "删除", "延续");
        assertThat(driver.findElements(By.cssSelector("#panel .yoy-added, #panel .yoy-dropped, #panel .yoy-added-list"))).isEmpty();
        assertThat(js("return window.policygraph.cy.nodes('[yoy = \"added\"], [yoy = \"dropped\"]').length")).isEqualTo(0L);
        assertThat(hasNode("document:甘政办发〔2022〕84号")).isTrue();
        assertThat(driver.findElement(By.id("overview")).isDisplayed()).isFalse();
    }

    @Test
    void yearOverYearDrawsKeptAddedAndDroppedTasksInTheGraph() {
        open("");
        // the samples have no issuer with documents in two years: the answer is given to the page as the server would
        js("const real = window.fetch; window.fetch = (url, init) => String(url) === 'graphql' && init && String(init.body).includes('yearOverYear')"
                + " ? Promise.resolve(new Response(JSON.stringify({ data: { yearOverYear: {"
                + " regionCode: '620000', level: 'PROVINCE', fromYear: 2021, toYear: 2022,"
                + " fromDocuments: ['市政办发〔2021〕100号'], toDocuments: ['甘政办发〔2022〕84号'],"
                + " kept: [{ from: { key: '市政办发〔2021〕100号#9', ordinal: 9, title: '甲' }, to: { key: '甘政办发〔2022〕84号#2', ordinal: 2, title: '乙' }, score: 0.42 }],"
                + " added: [{ key: '甘政办发〔2022〕84号#8', ordinal: 8, title: '丙' }],"
                + " dropped: [{ key: '市政办发〔2021〕100号#14', ordinal: 14, title: '丁' }, { key: '市政办发〔2021〕100号#1', ordinal: 1, title: '戊' }],"
                + " indicators: [] } } }), { headers: { 'Content-Type': 'application/json' } }))"
                + " : real(url, init);");
        driver.findElement(By.id("yoy")).click();
        WebElement form = waitFor().until(d -> d.findElements(By.cssSelector("#panel #yoy-form")).stream().findFirst().orElse(null));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor().until(d -> !d.findElements(By.cssSelector("#panel .yoy-added b")).isEmpty());
        waitIdle();
        assertThat(driver.findElement(By.cssSelector("#panel .yoy-kept b")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector("#panel .yoy-added b")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector("#panel .yoy-dropped b")).getText()).isEqualTo("2");
        assertThat(driver.findElements(By.cssSelector("#panel .yoy-missing"))).isEmpty();
        // in the graph: each kind its own style, kept tasks linked
        assertThat(js("return window.policygraph.cy.nodes('[yoy = \"kept\"]').map(n => n.id()).sort()"))
                .asList().containsExactly("task:市政办发〔2021〕100号#9", "task:甘政办发〔2022〕84号#2");
        assertThat(js("return window.policygraph.cy.nodes('[yoy = \"added\"]').map(n => n.id())")).asList()
                .containsExactly("task:甘政办发〔2022〕84号#8");
        assertThat(js("return window.policygraph.cy.nodes('[yoy = \"dropped\"]').length")).isEqualTo(2L);
        assertThat(js("return window.policygraph.cy.edges('[rel = \"CONTINUES\"]').map(e => e.source().id() + '>' + e.target().id())"))
                .asList().containsExactly("task:市政办发〔2021〕100号#9>task:甘政办发〔2022〕84号#2");
        @SuppressWarnings("unchecked")
        List<String> colours = (List<String>) js("return ['kept', 'added', 'dropped'].map(k =>"
                + " window.policygraph.cy.nodes('[yoy = \"' + k + '\"]')[0].style('background-color'))");
        assertThat(colours).doesNotHaveDuplicates();
        assertThat(hasNode("document:市政办发〔2021〕100号") && hasNode("document:甘政办发〔2022〕84号")).isTrue();
        assertThat(driver.findElement(By.id("overview")).isDisplayed()).isFalse();
    }

    @Test
    void documentViewShowsEveryTaskWithItsEvidenceAndScrollsToTheOneAsked() {
        open("#/document/" + encode("甘政办发〔2022〕84号") + "?task=8");
        WebElement target = waitFor().until(d -> d.findElements(By.cssSelector("#docview .doc-task.target")).stream()
                .findFirst().orElse(null));
        assertThat(target.getText()).contains("推进紧密型医联体建设");
        assertThat(driver.findElements(By.cssSelector("#docview .doc-task"))).hasSize(23);
        assertThat(target.findElements(By.cssSelector("mark.ev-lead")).stream().map(WebElement::getText))
                .containsExactly("省卫生健康委");
        assertThat(target.findElements(By.cssSelector("mark.ev-region")).stream().map(WebElement::getText))
                .contains("白银市", "景泰县");
        assertThat(js("const r = document.querySelector('#docview .doc-task.target').getBoundingClientRect();"
                + " return r.top >= 0 && r.top < window.innerHeight;")).isEqualTo(true);
    }

    @Test
    void documentViewShowsTheRealTextWithTheNoticeAndTheOriginalForDownload() throws IOException {
        open("#/document/" + encode("市政办发〔2021〕100号") + "?task=14");
        WebElement target = waitFor().until(d -> d.findElements(By.cssSelector("#docview .doc-text .doc-task.target"))
                .stream().findFirst().orElse(null));
        String body = driver.findElement(By.cssSelector("#docview .doc-text")).getText();
        // the notice and the preamble, which are part of no task
        assertThat(body).contains("白银市人民政府办公室文件", "各县、区人民政府，市政府有关部门：", "（此件公开发布）",
                "2021年白银市深化医药卫生体制改革重点工作是");
        assertThat(js("return [...document.querySelectorAll('#docview .doc-task')].some(t => t.textContent.includes('此件公开发布'))"))
                .isEqualTo(false);
        assertThat(driver.findElements(By.cssSelector("#docview .doc-text .doc-task"))).hasSize(26);
        // the task asked for: its span highlighted, in view, its departments marked
        assertThat(target.getAttribute("id")).isEqualTo("task-14");
        assertThat(target.getText()).contains("开展公立医院高质量发展试点");
        assertThat(target.findElements(By.cssSelector("mark.ev-lead")).stream().map(WebElement::getText)).contains("市卫生健康委");
        assertThat(target.findElements(By.cssSelector("mark.ev-partner")).stream().map(WebElement::getText))
                .contains("市财政局", "市医保局");
        assertThat(js("const r = document.querySelector('#docview .doc-task.target').getBoundingClientRect();"
                + " return r.top >= 0 && r.top < window.innerHeight;")).isEqualTo(true);
        // every mark of a department says the department (offsets into the real text; a line break may fall inside a name)
        assertThat(js("return [...document.querySelectorAll('#docview .doc-text mark.ev-lead, #docview .doc-text mark.ev-partner')]"
                + ".every(m => m.title.includes(m.textContent.replace(/\\s+/g, '')))")).isEqualTo(true);

        // the original file, byte for byte
        WebElement download = driver.findElement(By.cssSelector("#docview a.doc-original"));
        assertThat(download.getText()).contains("下载原文件", "baiyin-2021-shizhengbanfa-100.txt");
        @SuppressWarnings("unchecked")
        Map<String, Object> got = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(async r => { const b = new Uint8Array(await r.arrayBuffer());"
                + " let s = ''; for (const x of b) s += String.fromCharCode(x);"
                + " done({ status: r.status, disposition: r.headers.get('content-disposition') || '', base64: btoa(s) }); });",
                download.getAttribute("href"));
        assertThat(got.get("status")).isEqualTo(200L);
        assertThat((String) got.get("disposition")).startsWith("attachment");
        byte[] original = Files.readAllBytes(Path.of("src/main/resources/samples/baiyin-2021-shizhengbanfa-100.txt"));
        assertThat(java.util.Base64.getDecoder().decode((String) got.get("base64"))).isEqualTo(original);

        // a task's block selects the task in the graph
        WebElement inTask3 = driver.findElement(By.cssSelector("#task-3 mark.ev-lead"));
        js("arguments[0].scrollIntoView({ block: 'center' })", inTask3);
        inTask3.click();
        waitFor().until(d -> !d.findElement(By.id("docview")).isDisplayed());
        waitFor().until(d -> hasNode("task:市政办发〔2021〕100号#3")
                && "task:市政办发〔2021〕100号#3".equals(js("return window.policygraph.cy.$(':selected').map(n => n.id())[0] || ''")));
        waitIdle();
        waitFor().until(d -> texts("#panel h2").stream().anyMatch(h -> h.contains("落实政府投入责任")));
    }

    @Test
    void documentViewInsertsTheTextAsTextNeverAsMarkup() {
        open("");
        // markup at the end of the kept text (after every span, so the offsets hold)
        js("const real = window.fetch; window.fetch = (url, init) => String(url).startsWith('api/documents/text?')"
                + " ? real(url, init).then(r => r.text()).then(t => new Response(t"
                + " + '\\n<img src=x onerror=\"window.pwned = 1\"> <b>粗体</b> &amp; **附件** | 表格 | 行', { headers: { 'Content-Type': 'text/plain' } }))"
                + " : real(url, init);");
        js("location.hash = arguments[0]", "#/document/" + encode("市政办发〔2021〕100号") + "?task=14");
        waitFor().until(d -> !d.findElements(By.cssSelector("#docview .doc-text .doc-task.target")).isEmpty());
        waitIdle();
        String text = driver.findElement(By.cssSelector("#docview .doc-text")).getText();
        assertThat(text).contains("<img src=x onerror=\"window.pwned = 1\"> <b>粗体</b> &amp; **附件** | 表格 | 行");
        assertThat(driver.findElements(By.cssSelector("#docview .doc-text img, #docview .doc-text b"))).isEmpty();
        assertThat(js("return window.pwned === undefined")).isEqualTo(true);
        // the evidence still points into the right text
        assertThat(texts("#docview #task-14 mark.ev-lead")).contains("市卫生健康委");
    }

    @Test
    void documentViewMarksTheTargetsADocumentSetsOutsideItsTasks() {
        open("");
        // the samples set every indicator inside a task: one is given to the page in the preamble, as the server would
        String phrase = "促进优质医疗资源均衡布局";
        Number at = (Number) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('api/documents/text?key=' + encodeURIComponent(arguments[0]))"
                + ".then(r => r.text()).then(t => done(t.indexOf(arguments[1])));", "市政办发〔2021〕100号", phrase);
        assertThat(at.intValue()).isPositive();
        js("const ev = { start: arguments[0], end: arguments[0] + arguments[1].length, text: arguments[1] };"
                + " const real = window.fetch; window.fetch = (url, init) => String(url) === 'graphql' && String(init.body).includes('indicators { key text subject evidence')"
                + " ? real(url, init).then(r => r.json()).then(b => { if (b.data.document) b.data.document.indicators = [{ key: 'x#1',"
                + " text: arguments[1], subject: '优质医疗资源', evidence: ev }]; return new Response(JSON.stringify(b),"
                + " { headers: { 'Content-Type': 'application/json' } }); })"
                + " : real(url, init);", at.intValue() + "促进".length(), "优质医疗资源均衡布局");
        js("location.hash = arguments[0]", "#/document/" + encode("市政办发〔2021〕100号"));
        WebElement mark = waitFor().until(d -> d.findElements(By.cssSelector("#docview .doc-text mark.ev-indicator")).stream()
                .filter(m -> m.getText().equals("优质医疗资源均衡布局")).findFirst().orElse(null));
        waitIdle();
        assertThat(mark.getAttribute("title")).isEqualTo("指标：优质医疗资源");
        assertThat(js("return !!arguments[0].closest('.doc-task')", mark)).isEqualTo(false);
    }

    @Test
    void documentViewWithoutAKeptTextRebuildsItFromTheTasks() {
        open("");
        // a document loaded before texts were kept: the corpus says hasText false
        js("const real = window.fetch; window.fetch = (url, init) => String(url).startsWith('api/documents') && !String(url).includes('?')"
                + " ? real(url, init).then(r => r.json()).then(b => new Response(JSON.stringify({ documents:"
                + " b.documents.map(x => ({ ...x, hasText: false })) }), { headers: { 'Content-Type': 'application/json' } }))"
                + " : real(url, init);");
        js("location.hash = arguments[0]", "#/document/" + encode("市政办发〔2021〕100号") + "?task=14");
        WebElement target = waitFor().until(d -> d.findElements(By.cssSelector("#docview .doc-task.target")).stream()
                .findFirst().orElse(null));
        waitIdle();
        assertThat(target.getText()).contains("开展公立医院高质量发展试点");
        assertThat(driver.findElements(By.cssSelector("#docview .doc-text"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#docview .doc-rebuilt")).getText()).contains("未保存原文全文");
        assertThat(driver.findElement(By.id("doc-body")).getText()).doesNotContain("此件公开发布");
        assertThat(driver.findElements(By.cssSelector("#docview .doc-task"))).hasSize(26);
    }

    @Test
    void landingOverviewShowsTheCorpusAndEveryItemOpensTheGraph() {
        open("");
        WebElement overview = waitFor().until(d -> d.findElements(By.cssSelector("#overview .ov-years")).stream()
                .findFirst().map(e -> d.findElement(By.id("overview"))).orElse(null));
        assertThat(overview.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("status")).getText()).doesNotContain("0 个节点");
        assertThat(texts("#overview .ov-docs li")).hasSize(2).anySatisfy(t -> assertThat(t).contains("白银市深化医药卫生体制改革2021年重点工作任务"))
                .anySatisfy(t -> assertThat(t).contains("甘肃省深化医药卫生体制改革2022年重点工作任务"));
        assertThat(texts("#overview .ov-years li")).containsExactly("2022 年 1 份文件 · 23 项任务", "2021 年 1 份文件 · 26 项任务");
        assertThat(texts("#overview .ov-levels li")).contains("省级 1 份文件 · 23 项任务", "市级 1 份文件 · 26 项任务");
        assertThat(driver.findElement(By.cssSelector("#overview .ov-count-task b")).getText()).isEqualTo("49");
        assertThat(driver.findElement(By.cssSelector("#overview .ov-count-pilot b")).getText()).isEqualTo("10");
        assertThat(texts("#overview .ov-latest li")).hasSize(2).allSatisfy(t -> assertThat(t).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"));
        assertThat(texts("#overview .ov-regions li")).anySatisfy(t -> assertThat(t).startsWith("白银市"));

        // a year opens that year's documents in the graph, filtered to the year
        driver.findElement(By.cssSelector("#overview a.ov-year[data-year='2021']")).click();
        waitFor().until(d -> hasNode("document:市政办发〔2021〕100号") && hasNode("task:市政办发〔2021〕100号#14"));
        waitIdle();
        assertThat(hasNode("document:甘政办发〔2022〕84号")).isFalse();
        assertThat(driver.getCurrentUrl()).contains("year=2021");
        assertThat(driver.findElement(By.id("overview")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("status")).getText()).contains("个节点");

        // cleared, the overview is back; a region opens the region
        driver.findElement(By.id("clear")).click();
        waitFor().until(d -> d.findElement(By.id("overview")).isDisplayed());
        waitFor().until(d -> !d.findElements(By.cssSelector("#overview a.ov-region[data-node='region:620400']")).isEmpty());
        driver.findElement(By.cssSelector("#overview a.ov-region[data-node='region:620400']")).click();
        waitFor().until(d -> hasNode("region:620400") && hasNode("institution:620400|市第一人民医院"));
        waitIdle();
        waitFor().until(d -> texts("#panel h2").contains("白银市"));
    }

    @Test
    void presetAnswersTheCanonicalQuestionAndItsUrlRestoresTheView() {
        open("");
        driver.findElement(By.cssSelector("#preset-buttons button[data-preset='city-health-baiyin-provincial']")).click();
        WebElement answer = waitFor().until(d -> d.findElements(By.cssSelector("#panel .answer-list")).stream()
                .findFirst().orElse(null));
        waitIdle();
        assertThat(answer.getText()).contains("开展公立医院高质量发展试点");
        assertThat(driver.findElements(By.cssSelector("#panel .answer-list li"))).hasSize(1);
        assertThat(hasNode(BAIYIN_TASK_14)).isTrue();
        assertThat(hasNode("department:620400|市卫生健康委")).isTrue();

        // filters go into the URL too; reloading it rebuilds the same view
        driver.findElement(By.cssSelector("#legend input[data-type='indicator']")).click();
        String url = driver.getCurrentUrl();
        assertThat(url).contains("preset=city-health-baiyin-provincial").contains("hide=indicator");
        driver.get("about:blank");
        driver.get(url);
        waitReady();
        waitFor().until(d -> hasNode(BAIYIN_TASK_14));
        assertThat(driver.findElement(By.cssSelector("#legend input[data-type='indicator']")).isSelected()).isFalse();
        assertThat(driver.findElement(By.id("panel")).getText()).contains("开展公立医院高质量发展试点");
    }

    @Test
    void questionInChineseShowsRemovableChipsAndItsAnswer() {
        open("");
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("白银市卫健委牵头的省级试点任务有哪些？");
        search.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor().until(d -> !d.findElements(By.cssSelector("#ask-bar .chip[data-field]")).isEmpty());
        waitIdle();
        assertThat(texts("#ask-bar .chip[data-field] .chip-value")).contains("市卫生健康委", "省级");
        assertThat(driver.findElement(By.id("ask-bar")).getText()).contains("部门:", "试点级别:", "市卫健委");
        assertThat(hasNode(BAIYIN_TASK_14)).isTrue();
        long tasksBefore = nodeIds("task").size();
        assertThat(driver.findElement(By.cssSelector("#panel pre.ask-query")).getText()).contains("pilotLevel: PROVINCE");
        assertThat(driver.getCurrentUrl()).contains("ask=").contains("chips=");

        // without the 省级 chip: the lead tasks of Baiyin's city health commission at any pilot level
        driver.findElement(By.cssSelector("#ask-bar .chip[data-field='pilotLevel'] button[data-remove]")).click();
        waitFor().until(d -> d.findElements(By.cssSelector("#ask-bar .chip[data-field='pilotLevel']")).isEmpty());
        waitIdle();
        waitFor().until(d -> nodeIds("task").size() > tasksBefore);
        assertThat(hasNode(BAIYIN_TASK_14)).isTrue();
        assertThat(driver.findElement(By.cssSelector("#panel pre.ask-query")).getText())
                .contains("department: \"市卫生健康委\"").doesNotContain("pilotLevel");

        // the URL keeps the question and the remaining chips
        String url = driver.getCurrentUrl();
        driver.get("about:blank");
        driver.get(url);
        waitReady();
        waitFor().until(d -> nodeIds("task").size() > tasksBefore);
        assertThat(texts("#ask-bar .chip[data-field] .chip-value")).contains("市卫生健康委").doesNotContain("省级");
    }

    @Test
    void layoutsFiltersAndExports() {
        open("#preset=province-health-leads");
        waitFor().until(d -> hasNode("department:620000|省卫生健康委"));
        long all = visibleCount();
        driver.findElement(By.cssSelector("#role-filter input[data-role='LEAD']")).click();
        assertThat(visibleCount()).isLessThan(all);
        driver.findElement(By.cssSelector("#role-filter input[data-role='LEAD']")).click();
        new Select(driver.findElement(By.id("layout-select"))).selectByValue("tree");
        waitIdle();
        assertThat(driver.getCurrentUrl()).contains("layout=tree");
        assertThat((String) js("return window.policygraph.graph.png()")).startsWith("data:image/png;base64,");
        @SuppressWarnings("unchecked")
        Map<String, List<?>> json = (Map<String, List<?>>) js("return window.policygraph.graph.json()");
        assertThat(json.get("nodes")).hasSize((int) visibleCount());
        assertThat(json.get("edges")).isNotEmpty();
    }

    @Test
    void threeThousandNodesLayOutAndFilterInSeconds() {
        open("");
        @SuppressWarnings("unchecked")
        Map<String, Number> ms = (Map<String, Number>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const g = window.policygraph.graph;
                const types = ['document', 'section', 'task', 'department', 'region', 'pilot', 'institution', 'indicator'];
                const nodes = [], edges = [];
                for (let i = 0; i < 3000; i++) nodes.push({ id: 'n' + i, type: types[i % 8], label: '节点' + i, year: 2021 + i % 2 });
                for (let i = 1; i < 3000; i++) edges.push({ id: 'e' + i, source: 'n' + ((i * 7919) % i), target: 'n' + i, rel: 'HAS_TASK' });
                const t = () => performance.now();
                (async () => {
                  let s = t(); g.merge({ nodes, edges }); const merge = t() - s;
                  g.setLayout('force'); s = t(); await g.layout(); const force = t() - s;
                  g.setLayout('tree'); s = t(); await g.layout(); const tree = t() - s;
                  s = t(); g.setFilters({ year: '2021' }); const filter = t() - s;
                  const visible = g.cy.nodes().not('.filtered').length;
                  g.setFilters({ year: '' });
                  done({ merge, force, tree, filter, visible, nodes: g.size });
                })();
                """);
        assertThat(ms.get("nodes").intValue()).isEqualTo(3000);
        assertThat(ms.get("visible").intValue()).isEqualTo(1500);
        assertThat(ms.get("force").doubleValue()).as("force layout ms %s", ms).isLessThan(8000);
        assertThat(ms.get("tree").doubleValue()).as("hierarchical layout ms %s", ms).isLessThan(8000);
        assertThat(ms.get("filter").doubleValue()).as("filter ms %s", ms).isLessThan(2000);
        assertThat(ms.get("merge").doubleValue()).as("merge ms %s", ms).isLessThan(4000);
        System.out.println("Explorer with 3000 nodes, ms: " + ms);
    }

    @Test
    void legendSwatchesAreDrawnWithTheGraphsOwnShapes() {
        open("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> legend = (List<Map<String, Object>>) js("""
                const cy = window.policygraph.cy;
                return [...document.querySelectorAll('#legend label.legend-item')].map((label) => {
                  const type = label.dataset.type;
                  const probe = cy.add({ group: 'nodes', data: { id: '__probe_' + type, type } });
                  const shape = probe.style('shape');
                  const color = probe.style('background-color');
                  cy.remove(probe);
                  const canvas = label.querySelector('canvas.swatch');
                  const ctx = canvas.getContext('2d');
                  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
                  let mask = '';
                  for (let i = 3; i < pixels.length; i += 4) mask += pixels[i].toString(16);
                  const c = ctx.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data;
                  return { type, shape, drawn: canvas.dataset.shape, mask, center: `rgb(${c[0]},${c[1]},${c[2]})`, color };
                });
                """);
        assertThat(legend).hasSize(9);
        for (Map<String, Object> item : legend) {
            assertThat(item.get("drawn")).as("legend shape of %s", item.get("type")).isEqualTo(item.get("shape"));
            assertThat(item.get("center")).as("legend colour of %s", item.get("type"))
                    .isEqualTo(((String) item.get("color")).replace(" ", ""));
        }
        // different shapes look different: the old CSS legend drew 试点 (star) and 指标 (vee) alike
        long shapes = legend.stream().map(m -> m.get("shape")).distinct().count();
        assertThat(legend.stream().map(m -> m.get("mask")).distinct().count()).isEqualTo(shapes);
    }

    @Test
    void relationshipCountHonoursTheActiveFilters() {
        open("#preset=city-health-baiyin-provincial");
        waitFor().until(d -> hasNode(BAIYIN_TASK_14));
        String before = driver.findElement(By.id("status")).getText();
        driver.findElement(By.cssSelector("#legend input[data-type='department']")).click();
        String after = driver.findElement(By.id("status")).getText();
        long shownEdges = ((Number) js("return window.policygraph.cy.edges(':visible').length")).longValue();
        long shownNodes = ((Number) js("return window.policygraph.cy.nodes(':visible').length")).longValue();
        assertThat(after).startsWith(shownNodes + " 个节点 · " + shownEdges + " 条关系");
        assertThat(relationCount(after)).isLessThan(relationCount(before));
    }

    @Test
    void pilotsAreLabelledByProgrammeAndSiteAndIndicatorsBySubjectAndValue() {
        open("#nodes=" + encode(BAIYIN_TASK_14));
        waitFor().until(d -> !nodeIds("pilot").isEmpty());
        List<String> pilots = labels("pilot");
        assertThat(pilots).noneMatch(l -> l.matches("(国家级|省级|市级|县级)?试点")).hasSize(nodeIds("pilot").size());
        assertThat(pilots).anyMatch(l -> l.startsWith("全省建立健全现代医院管理") && l.matches("[^\\n]+\\n市.+ 等 3 处"));
        String task20 = "task:市政办发〔2021〕100号#20";
        open("#nodes=" + encode(task20));
        waitFor().until(d -> !nodeIds("indicator").isEmpty());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> indicators = (List<Map<String, String>>) js(
                "return window.policygraph.cy.nodes('[type = \"indicator\"]').map(n => ({ label: n.data('label'), value: n.data('value') }))");
        assertThat(indicators).extracting(m -> m.get("value")).contains("80%", "90%", "250个");
        assertThat(indicators).allSatisfy(m -> assertThat(m.get("label")).as("subject and value")
                .contains(m.get("value")).hasSizeGreaterThan(m.get("value").length() + 4));
        assertThat(indicators).extracting(m -> m.get("label")).contains("30种大病80%的患者在…");
    }

    @Test
    void tableViewListsTheVisibleResultAndExportsCsvForExcel() {
        open("#preset=city-health-baiyin-provincial");
        waitFor().until(d -> hasNode(BAIYIN_TASK_14));
        driver.findElement(By.id("show-table")).click();
        WebElement view = waitFor().until(d -> d.findElement(By.id("table-view")).isDisplayed() ? d.findElement(By.id("table-view")) : null);
        assertThat(texts("#table-view thead th")).containsExactly("文件", "序号", "任务", "牵头部门", "配合部门", "试点", "指标", "年份");
        assertThat(view.findElements(By.cssSelector("tbody tr"))).hasSize(nodeIds("task").size());
        assertThat(view.getText()).contains("开展公立医院高质量发展试点", "市卫生健康委");
        view.findElement(By.cssSelector("button[data-table='pilots']")).click();
        assertThat(driver.findElement(By.id("table-view")).getText()).contains("全省建立健全现代医院管理制度试点的3家医院", "市第一人民医院");

        List<String> tasks = csvLines("window.policygraph.csv('tasks')");
        assertThat(tasks.get(0)).isEqualTo("文件,序号,任务,牵头部门,配合部门,试点,指标,年份");
        assertThat(tasks.get(1)).startsWith("市政办发〔2021〕100号,14,开展公立医院高质量发展试点,市卫生健康委,");
        assertThat(csvLines("window.policygraph.csv('pilots')")).hasSize(1 + nodeIds("pilot").size());
        // hidden pilots leave the table and the CSV
        driver.findElement(By.cssSelector("#legend input[data-type='pilot']")).click();
        assertThat(csvLines("window.policygraph.csv('pilots')")).hasSize(1);
        assertThat(driver.findElement(By.id("table-view")).getText()).contains("试点（0）");
        // the same button closes it again
        driver.findElement(By.id("show-table")).click();
        assertThat(driver.findElement(By.id("table-view")).isDisplayed()).isFalse();
    }

    @Test
    void graphExportsForGephiHoldTheVisibleGraph() {
        open("#preset=city-health-baiyin-provincial");
        waitFor().until(d -> hasNode(BAIYIN_TASK_14));
        driver.findElement(By.cssSelector("#legend input[data-type='indicator']")).click();
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) js("""
                const p = window.policygraph;
                const read = (text, mime) => new DOMParser().parseFromString(text, mime);
                const g = read(p.gexf(), 'application/xml');
                const m = read(p.graphml(), 'application/xml');
                return {
                  gexfError: g.getElementsByTagName('parsererror').length, graphmlError: m.getElementsByTagName('parsererror').length,
                  gexfNodes: g.getElementsByTagName('node').length, gexfEdges: g.getElementsByTagName('edge').length,
                  graphmlNodes: m.getElementsByTagName('node').length, graphmlEdges: m.getElementsByTagName('edge').length,
                  task: g.querySelector('node[id="' + arguments[0] + '"]').getAttribute('label'),
                  taskType: [...g.querySelectorAll('node[id="' + arguments[0] + '"] attvalue')].map(a => a.getAttribute('for') + '=' + a.getAttribute('value')),
                  nodes: p.cy.nodes(':visible').length, edges: p.cy.edges(':visible').length,
                  indicators: g.querySelectorAll('attvalue[for="type"][value="indicator"]').length,
                };
                """, BAIYIN_TASK_14);
        assertThat(parsed.get("gexfError")).isEqualTo(0L);
        assertThat(parsed.get("graphmlError")).isEqualTo(0L);
        assertThat(parsed.get("gexfNodes")).isEqualTo(parsed.get("nodes"));
        assertThat(parsed.get("gexfEdges")).isEqualTo(parsed.get("edges"));
        assertThat(parsed.get("graphmlNodes")).isEqualTo(parsed.get("nodes"));
        assertThat(parsed.get("graphmlEdges")).isEqualTo(parsed.get("edges"));
        assertThat(parsed.get("indicators")).isEqualTo(0L);
        assertThat((String) parsed.get("task")).contains("开展公立医院高质量发展");
        @SuppressWarnings("unchecked")
        List<String> taskAttributes = (List<String>) parsed.get("taskType");
        assertThat(taskAttributes).contains("type=task", "typeName=任务");
    }

    @Test
    void pngExportAddsTitleQueryAndLegendAboveTheGraph() {
        open("#preset=city-health-baiyin-provincial");
        waitFor().until(d -> hasNode(BAIYIN_TASK_14));
        @SuppressWarnings("unchecked")
        Map<String, Object> picture = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const size = (src) => new Promise((r) => { const i = new Image(); i.onload = () => r(i); i.src = src; });
                (async () => {
                  const plain = await size(window.policygraph.graph.png());
                  const pic = await size(await window.policygraph.picture());
                  const c = document.createElement('canvas');
                  c.width = pic.width; c.height = 200;
                  const ctx = c.getContext('2d');
                  ctx.drawImage(pic, 0, 0);
                  const band = ctx.getImageData(0, 0, pic.width, 200).data;
                  let ink = 0;
                  for (let i = 0; i < band.length; i += 4) if (band[i] < 200) ink++;
                  done({ plainHeight: plain.height, height: pic.height, ink, src: pic.src });
                })();
                """);
        assertThat(((Number) picture.get("height")).intValue()).isGreaterThan(((Number) picture.get("plainHeight")).intValue() + 100);
        assertThat(((Number) picture.get("ink")).intValue()).as("title, query and legend drawn above the graph").isGreaterThan(2000);
        String src = (String) picture.get("src");
        assertThat(src).startsWith("data:image/png;base64,");
        try {
            Files.write(SCREENSHOTS.resolve("exported-picture.png"),
                    java.util.Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void labelsMakeRoomForEachOtherAndZoomingInShowsMore() {
        open("");
        @SuppressWarnings("unchecked")
        Map<String, Number> r = (Map<String, Number>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const g = window.policygraph.graph;
                const cy = g.cy;
                const nodes = [];
                for (let i = 0; i < 500; i++) nodes.push({ id: 'n' + i, type: ['task', 'department', 'pilot'][i % 3], label: '某某任务标签' + i });
                g.merge({ nodes, edges: [] });
                cy.nodes().forEach((n, i) => n.position({ x: (i % 25) * 40, y: Math.floor(i / 25) * 30 }));
                cy.fit(undefined, 30);
                const shown = () => cy.nodes().not('.label-hidden');
                const overlaps = () => {
                  const boxes = shown().map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
                  let count = 0;
                  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                    const a = boxes[i], b = boxes[j];
                    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) count++;
                  }
                  return count;
                };
                let t = performance.now();
                g.placeLabels();
                const ms = performance.now() - t;
                const out = { shown: shown().length, overlaps: overlaps() };
                const hiddenOne = cy.nodes('.label-hidden')[0];
                cy.zoom({ level: cy.zoom() * 4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
                g.placeLabels();
                const zoomed = { shown: shown().length, overlaps: overlaps() };
                hiddenOne.select();
                g.placeLabels();
                done({ ms, outShown: out.shown, outOverlaps: out.overlaps, inShown: zoomed.shown, inOverlaps: zoomed.overlaps,
                  selectedShown: hiddenOne.hasClass('label-hidden') ? 0 : 1 });
                """);
        System.out.println("Labels of 500 nodes: " + r);
        assertThat(r.get("outShown").intValue()).isGreaterThan(0).isLessThan(500);
        assertThat(r.get("outOverlaps").intValue()).isZero();
        assertThat(r.get("inOverlaps").intValue()).isZero();
        assertThat(r.get("inShown").intValue()).isGreaterThan(r.get("outShown").intValue());
        assertThat(r.get("selectedShown").intValue()).isEqualTo(1);
        assertThat(r.get("ms").doubleValue()).as("placing 500 labels, ms").isLessThan(1000);
    }

    // The Cypher console

    @Test
    void consoleIsInChineseAndLinkedBothWaysWithTheExplorer() {
        open("");
        driver.findElement(By.id("to-console")).click();
        waitFor().until(d -> d.getCurrentUrl().endsWith("/cypher.html") && "true".equals(js("return document.body.dataset.ready || ''")));
        assertThat(driver.getTitle()).contains("Cypher 控制台");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Cypher 控制台", "只读");
        assertThat(texts("label")).containsExactly("查询语句（Cypher）", "参数（JSON 对象，查询中以 $名称 引用）");
        assertThat(driver.findElement(By.id("run")).getText()).isEqualTo("运行（Ctrl+Enter）");
        assertThat(driver.findElement(By.cssSelector("#help summary")).getText()).isEqualTo("帮助");
        driver.findElement(By.cssSelector("#help summary")).click();
        assertThat(driver.findElement(By.id("help")).getText()).contains("只能读取数据", "节点标签");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Query", "Parameters", "Run", "rows in");
        driver.findElement(By.id("to-explorer")).click();
        waitReady();
        assertThat(driver.findElement(By.id("search")).isDisplayed()).isTrue();
    }

    @Test
    void consoleShowsNodesReadablyInATableAndAsAGraph() {
        openConsole();
        driver.findElement(By.id("run")).click();
        waitConsole();
        assertThat(texts("#result thead th")).containsExactly("task", "a", "dep");
        List<WebElement> rows = driver.findElements(By.cssSelector("#result tbody tr"));
        assertThat(rows).isNotEmpty();
        List<WebElement> cells = rows.get(0).findElements(By.tagName("td"));
        assertThat(cells.get(0).findElement(By.cssSelector(".type-tag")).getText()).isEqualTo("任务");
        assertThat(cells.get(0).getText()).doesNotContain("{", "\"", "properties");
        assertThat(cells.get(1).getText()).isEqualTo("[:ASSIGNED_TO（牵头）]");
        assertThat(cells.get(2).getText()).startsWith("部门").contains("省医保局").doesNotContain("{");
        assertThat(driver.findElement(By.id("status")).getText()).matches(rows.size() + " 行，\\d+ 个节点、\\d+ 条关系，用时 \\d+ 毫秒");

        driver.findElement(By.cssSelector("#views button[data-view='graph']")).click();
        waitFor().until(d -> d.findElement(By.id("cy")).isDisplayed() && Boolean.TRUE.equals(js(
                "const g = window.policygraphConsole.graph; return !!g && g.cy.nodes().length === window.policygraphConsole.last().graph.nodes.length")));
        assertThat(((Number) js("return window.policygraphConsole.graph.cy.edges('[rel = \"ASSIGNED_TO\"]').length")).intValue())
                .isEqualTo(rows.size());
        assertThat(js("return window.policygraphConsole.graph.cy.nodes('[type = \"department\"]').map(n => n.data('label'))"))
                .asList().containsExactly("省医保局");
        assertThat(js("return window.policygraphConsole.graph.cy.nodes('[type = \"task\"]')[0].style('shape')")).isEqualTo("ellipse");
    }

    @Test
    void consoleShowsMarkupInValuesAsText() {
        openConsole();
        String markup = "<img src=x onerror=\"window.__injected = 1\">";
        query("RETURN $markup AS text, {name: $markup} AS map, [$markup] AS list", "{\"markup\": \"" + markup.replace("\"", "\\\"") + "\"}");
        assertThat(driver.findElements(By.cssSelector("#result img"))).isEmpty();
        assertThat(js("return window.__injected === undefined")).isEqualTo(true);
        List<String> cells = texts("#result tbody td");
        assertThat(cells.get(0)).isEqualTo(markup);
        assertThat(cells.get(1)).isEqualTo("name: " + markup);
        assertThat(cells.get(2)).isEqualTo(markup);
        String quoted = "\"" + markup.replace("\"", "\"\"") + "\"";
        assertThat(csvLines("window.policygraphConsole.csv()"))
                .containsExactly("text,map,list", quoted + ",\"name: " + markup.replace("\"", "\"\"") + "\"," + quoted);
    }

    @Test
    void consoleErrorsPointIntoTheTextAsTypedWithoutExplain() {
        refusedQueriesExpected = true;
        openConsole();
        query("MATCH (n:Task RETURN n", "");
        String error = driver.findElement(By.id("status")).getText();
        assertThat(error).startsWith("查询有误：语法错误：此处不应出现“RETURN”\n").contains("column 15 (offset: 14)")
                .doesNotContainIgnoringCase("explain");
        assertThat(js("return document.getElementById('query').selectionStart")).isEqualTo(14L);
        assertThat(driver.findElements(By.cssSelector("#result table"))).isEmpty();

        query("MATCH (n:Task) RETURN m", "");
        error = driver.findElement(By.id("status")).getText();
        assertThat(error).startsWith("查询有误：变量 m 未定义\n")
                .contains("Variable `m` not defined", "column 23 (offset: 22)").doesNotContainIgnoringCase("explain");
        assertThat(js("return document.getElementById('query').selectionStart")).isEqualTo(22L);

        query("CREATE (n:Task) RETURN n", "");
        assertThat(driver.findElement(By.id("status")).getText()).startsWith("不允许执行：只允许读取数据的查询\n");
        query("MATCH (d:Department {name: $department}) RETURN d", "");
        assertThat(driver.findElement(By.id("status")).getText()).startsWith("查询有误：缺少参数 ");
        query("RETURN 1", "[1]");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("参数必须是 JSON 对象，如 {\"department\": \"省医保局\"}");
    }

    @Test
    void consoleExportsItsTableAsCsvForExcel() {
        openConsole();
        query("MATCH (t:Task)-[:ASSIGNED_TO {role: 'LEAD'}]->(d:Department {name: '市卫生健康委'})"
                + " RETURN d.name AS 部门, count(t) AS 牵头任务数, collect(t)[0] AS 任务", "");
        List<String> csv = csvLines("window.policygraphConsole.csv()");
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0)).isEqualTo("部门,牵头任务数,任务");
        assertThat(csv.get(1)).doesNotContain("{").matches("市卫生健康委,\\d+,.*\\p{IsHan}{4,}.*");
    }

    // ---------------------------------------------------------------------------------------------

    private void openConsole() {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/cypher.html");
        waitFor().until(d -> "true".equals(js("return document.body.dataset.ready || ''")));
    }

    private void waitConsole() {
        waitFor().until(d -> "0".equals(js("return document.body.dataset.busy || '0'"))
                && !"运行中…".equals(d.findElement(By.id("status")).getText()));
    }

    private void query(String text, String parameters) {
        js("document.getElementById('query').value = arguments[0];"
                + " document.getElementById('parameters').value = arguments[1];", text, parameters);
        js("document.getElementById('status').textContent = '运行中…'");
        driver.findElement(By.id("run")).click();
        waitConsole();
    }

    /**
     * The lines of a CSV that a script computes, read in the browser: it must open with the BOM and end
     * every line with CRLF (WebDriver may normalise line ends on the way back).
     */
    @SuppressWarnings("unchecked")
    private static List<String> csvLines(String expression) {
        Map<String, Object> csv = (Map<String, Object>) js("const c = " + expression + ";"
                + " return { bom: c.charCodeAt(0) === 0xFEFF, crlf: c.endsWith('\\r\\n') && !/[^\\r]\\n/.test(c.replace(/\"[^\"]*\"/g, '')),"
                + " lines: c.slice(1, -2).split('\\r\\n') };");
        assertThat(csv.get("bom")).as("UTF-8 byte order mark for Excel").isEqualTo(true);
        assertThat(csv.get("crlf")).as("CRLF line ends").isEqualTo(true);
        return (List<String>) csv.get("lines");
    }

    private static long relationCount(String status) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) 条关系").matcher(status);
        assertThat(m.find()).as(status).isTrue();
        return Long.parseLong(m.group(1));
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels(String type) {
        return (List<String>) js("return window.policygraph.cy.nodes('[type = \"' + arguments[0] + '\"]').map(n => n.data('label'))",
                type);
    }

    private void open(String hash) {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/" + hash);
        waitReady();
    }

    private void waitReady() {
        waitFor().until(d -> "true".equals(js("return document.body.dataset.ready || ''")));
        waitIdle();
    }

    private void waitIdle() {
        waitFor().until(d -> "0".equals(js("return document.body.dataset.busy || '0'")));
    }

    /** Polls until the condition holds; an element the explorer re-rendered meanwhile is polled again. */
    private static WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static boolean hasNode(String id) {
        return Boolean.TRUE.equals(js("return window.policygraph.cy.getElementById(arguments[0]).nonempty()", id));
    }

    private static long nodeCount() {
        return ((Number) js("return window.policygraph.cy.nodes().length")).longValue();
    }

    private static long visibleCount() {
        return ((Number) js("return window.policygraph.cy.nodes().not('.filtered').length")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> nodeIds(String type) {
        return (List<String>) js("return window.policygraph.cy.nodes('[type = \"' + arguments[0] + '\"]').map(n => n.id())",
                type);
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !(refusedQueriesExpected && e.getMessage().contains("/api/cypher - Failed to load resource")))
                .map(LogEntry::getMessage)
                .toList();
    }

    private static void screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // no screenshot when the browser never started; the test has already failed
        }
    }
}
