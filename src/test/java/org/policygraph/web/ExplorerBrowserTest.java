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
class ExplorerBrowserTest extends ExplorerBrowserSupport {

    static final String BAIYIN_2022 = "市政办发〔2022〕100号";

    @Autowired
    DocumentIngester ingester;

    @Autowired
    CorpusLifecycle corpus;

    static final Path DATA_DIR = Path.of("target", "test-neo4j", UUID.randomUUID().toString()).toAbsolutePath();
    static final String BAIYIN_TASK_14 = "task:市政办发〔2021〕100号#14";

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("policygraph.mode", () -> "embedded");
        registry.add("policygraph.embedded.data-dir", DATA_DIR::toString);
        registry.add("policygraph.embedded.bolt-address", () -> "127.0.0.1:0");
        registry.add("policygraph.ingest.samples-on-empty", () -> "true");
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
        assertLegendMatchesTheGraph();
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
        Map<String, Object> picture = exportedPicture("exported-picture");
        assertThat(((Number) picture.get("height")).intValue()).isGreaterThan(((Number) picture.get("plainHeight")).intValue() + 100);
        assertThat(((Number) picture.get("ink")).intValue()).as("title, query and legend drawn above the graph").isGreaterThan(2000);
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

    // Readability of larger graphs: grouping, pinning, hiding, undo, the hierarchical layout, Excel

    static final String BAIYIN_DOC = "document:市政办发〔2021〕100号";
    static final String BAIYIN_CITY_HEALTH = "department:620400|市卫生健康委";
    static final int BAIYIN_TASKS = 26;

    @Test
    void collapsingByDocumentOrSectionGroupsTheTasksAndExpandingRestoresThem() {
        open("#nodes=" + encode(BAIYIN_DOC) + "," + encode(BAIYIN_TASK_14));
        waitFor().until(d -> hasNode(BAIYIN_CITY_HEALTH) && nodeIds("task").size() == BAIYIN_TASKS);
        long shown = shownNodes();
        long edges = shownEdges();
        long tasks = nodeIds("task").size();
        long sectionsWithTasks = ((Number) js("return window.policygraph.cy.nodes('[type = \"section\"]')"
                + ".filter(s => s.outgoers('node[type = \"task\"]').nonempty()).length")).longValue();
        assertThat(sectionsWithTasks).isGreaterThan(1);
        List<String> tableBefore = csvLines("window.policygraph.csv('tasks')");

        new Select(driver.findElement(By.id("group-select"))).selectByValue("document");
        waitIdle();
        // the 26 tasks are one group node; every other node stays
        assertThat(shownNodes()).isEqualTo(shown - tasks + 1);
        assertThat(driver.findElement(By.id("status")).getText()).startsWith((shown - tasks + 1) + " 个节点").contains("1 个任务组");
        String group = "group:document:市政办发〔2021〕100号";
        assertThat(hasNode(group)).isTrue();
        assertThat((String) js("return window.policygraph.cy.getElementById(arguments[0]).data('label')", group))
                .endsWith("\n" + BAIYIN_TASKS + " 项任务");
        assertThat(nodeIds("task")).hasSize(BAIYIN_TASKS);
        assertThat(js("return window.policygraph.cy.nodes('[type = \"task\"]:visible').length")).isEqualTo(0L);
        // task 14's departments are linked to the group instead, one edge per department and role, with a count
        @SuppressWarnings("unchecked")
        Map<String, Object> lead = (Map<String, Object>) js("const e = window.policygraph.cy.edges(':visible').filter(x =>"
                + " x.source().id() === arguments[0] && x.target().id() === arguments[1] && x.data('role') === 'LEAD')[0];"
                + " return e ? { count: e.data('count'), label: e.data('label') } : null;", group, BAIYIN_CITY_HEALTH);
        assertThat(lead).isNotNull();
        assertThat(((Number) lead.get("count")).intValue()).isPositive();
        // sections link to the group with the number of their tasks
        assertThat(((Number) js("return window.policygraph.cy.edges(':visible[rel = \"HAS_TASK\"]').reduce((s, e) => s + e.data('count'), 0)"))
                .longValue()).isEqualTo(tasks);
        assertThat(driver.getCurrentUrl()).contains("group=document");
        // the table still lists every task, with its departments: collapsed is folded, not hidden
        driver.findElement(By.id("show-table")).click();
        WebElement table = waitFor().until(d -> d.findElement(By.id("table-view")).isDisplayed() ? d.findElement(By.id("table-view")) : null);
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize((int) tasks);
        assertThat(csvLines("window.policygraph.csv('tasks')")).isEqualTo(tableBefore)
                .anyMatch(row -> row.startsWith("市政办发〔2021〕100号,14,开展公立医院高质量发展试点,市卫生健康委,"));
        driver.findElement(By.id("table-close")).click();
        // the URL restores the grouped view
        String grouped = driver.getCurrentUrl();
        driver.get("about:blank");
        driver.get(grouped);
        waitReady();
        waitFor().until(d -> hasNode(group));
        assertThat(shownNodes()).isEqualTo(shown - tasks + 1);
        assertThat(new Select(driver.findElement(By.id("group-select"))).getFirstSelectedOption().getText()).isEqualTo("按文件折叠任务");

        // by section: a group for each section with tasks
        new Select(driver.findElement(By.id("group-select"))).selectByValue("section");
        waitIdle();
        assertThat(shownNodes()).isEqualTo(shown - tasks + sectionsWithTasks);
        assertThat(js("return window.policygraph.cy.nodes('[type = \"group\"]').map(g => g.data('count')).reduce((a, b) => a + b, 0)"))
                .isEqualTo(tasks);

        // back to documents; double-clicking the group expands it: every node and relationship is back
        new Select(driver.findElement(By.id("group-select"))).selectByValue("document");
        waitIdle();
        doubleClickNode(group);
        waitFor().until(d -> shownNodes() == shown);
        waitIdle();
        assertThat(hasNode(group)).isFalse();
        assertThat(shownEdges()).isEqualTo(edges);
        assertThat(js("return window.policygraph.cy.nodes('[type = \"task\"]:visible').length")).isEqualTo(tasks);

        // undo collapses it again; the control expands every group
        pressUndo();
        assertThat(shownNodes()).isEqualTo(shown - tasks + 1);
        assertThat(hasNode(group)).isTrue();
        new Select(driver.findElement(By.id("group-select"))).selectByValue("");
        waitIdle();
        assertThat(shownNodes()).isEqualTo(shown);
        assertThat(shownEdges()).isEqualTo(edges);
        assertThat(driver.getCurrentUrl()).doesNotContain("group=");

        // a link to a view without grouping (here: a hash typed in) opens it ungrouped
        new Select(driver.findElement(By.id("group-select"))).selectByValue("document");
        waitIdle();
        assertThat(hasNode(group)).isTrue();
        js("location.hash = arguments[0]", "#nodes=" + encode(BAIYIN_DOC));
        waitFor().until(d -> !hasNode(BAIYIN_CITY_HEALTH) && !hasNode(group));
        waitIdle();
        assertThat(js("return window.policygraph.cy.nodes('[type = \"task\"]:visible').length")).isEqualTo(tasks);
        assertThat(new Select(driver.findElement(By.id("group-select"))).getFirstSelectedOption().getText()).isEqualTo("不折叠任务");
    }

    @Test
    void draggingPinsANodeThatLayoutsLeaveInPlaceAndUndoTakesItBack() {
        open("#nodes=" + encode(BAIYIN_DOC));
        waitFor().until(d -> nodeIds("task").size() == BAIYIN_TASKS);
        String task = BAIYIN_TASK_14;
        Map<String, Double> before = position(task);
        double zoom = ((Number) js("return window.policygraph.cy.zoom()")).doubleValue();
        dragNode(task, 60, 40);
        waitFor().until(d -> Boolean.TRUE.equals(js("return !!window.policygraph.cy.getElementById(arguments[0]).data('pinned')", task)));
        Map<String, Double> pinnedAt = position(task);
        assertThat(pinnedAt.get("x") - before.get("x")).isCloseTo(60 / zoom, org.assertj.core.data.Offset.offset(3 / zoom));
        // the pin mark: a pushpin image and a dark border
        assertThat((String) js("return window.policygraph.cy.getElementById(arguments[0]).style('background-image')", task)).contains("svg");
        assertThat(driver.findElement(By.id("status")).getText()).contains("已固定");

        // a relayout and the hierarchical layout leave it where it was dropped; the others move
        driver.findElement(By.id("relayout")).click();
        waitIdle();
        assertThat(position(task)).isEqualTo(pinnedAt);
        Map<String, Double> documentBefore = position(BAIYIN_DOC);
        new Select(driver.findElement(By.id("layout-select"))).selectByValue("tree");
        waitIdle();
        assertThat(position(task)).isEqualTo(pinnedAt);
        assertThat(position(BAIYIN_DOC)).isNotEqualTo(documentBefore);

        // undo: the layout change, the relayout, then the pin itself
        pressUndo();
        assertThat(position(BAIYIN_DOC)).isEqualTo(documentBefore);
        assertThat(new Select(driver.findElement(By.id("layout-select"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("force");
        pressUndo();
        pressUndo();
        assertThat(position(task)).isEqualTo(before);
        assertThat(js("return !!window.policygraph.cy.getElementById(arguments[0]).data('pinned')", task)).isEqualTo(false);

        // pinned again, then unpinned from the toolbar: the next layout may move it
        dragNode(task, -50, 30);
        waitFor().until(d -> Boolean.TRUE.equals(js("return !!window.policygraph.cy.getElementById(arguments[0]).data('pinned')", task)));
        clickNode(task);
        driver.findElement(By.id("unpin")).click();
        assertThat(js("return window.policygraph.cy.nodes('[?pinned]').length")).isEqualTo(0L);
        assertThat((String) js("return window.policygraph.cy.getElementById(arguments[0]).style('background-image')", task)).doesNotContain("svg");
        pressUndo();
        assertThat(js("return window.policygraph.cy.nodes('[?pinned]').map(n => n.id())")).asList().containsExactly(task);
    }

    @Test
    void hidingSelectedNodesByButtonOrDeleteKeyAndUndoingIt() {
        open("#nodes=" + encode(BAIYIN_TASK_14));
        waitFor().until(d -> hasNode(BAIYIN_CITY_HEALTH));
        long nodes = shownNodes();
        long edges = shownEdges();
        long degree = ((Number) js("return window.policygraph.cy.getElementById(arguments[0]).connectedEdges(':visible').length",
                BAIYIN_CITY_HEALTH)).longValue();
        assertThat(degree).isPositive();

        // the Delete key hides the selected node and its relationships
        clickNode(BAIYIN_CITY_HEALTH);
        waitFor().until(d -> BAIYIN_CITY_HEALTH.equals(js("return window.policygraph.cy.$(':selected').map(n => n.id())[0] || ''")));
        new Actions(driver).sendKeys(org.openqa.selenium.Keys.DELETE).perform();
        waitFor().until(d -> shownNodes() == nodes - 1);
        assertThat(shownEdges()).isEqualTo(edges - degree);
        String status = driver.findElement(By.id("status")).getText();
        assertThat(status).startsWith((nodes - 1) + " 个节点 · " + (edges - degree) + " 条关系").contains("已隐藏 1 个");
        assertThat(driver.getCurrentUrl()).contains("hidden=");
        assertThat(driver.findElement(By.id("show-hidden")).isDisplayed()).isTrue();

        // Ctrl+Z brings it back
        new Actions(driver).keyDown(org.openqa.selenium.Keys.CONTROL).sendKeys("z").keyUp(org.openqa.selenium.Keys.CONTROL).perform();
        waitFor().until(d -> shownNodes() == nodes);
        assertThat(shownEdges()).isEqualTo(edges);
        assertThat(driver.getCurrentUrl()).doesNotContain("hidden=");

        // two nodes, the second added with Shift, hidden with the button; the undo button brings them back
        List<String> chosen = List.of(nodeIds("pilot").get(0), nodeIds("institution").get(0));
        clickNode(chosen.get(0));
        new Actions(driver).keyDown(org.openqa.selenium.Keys.SHIFT).perform();
        clickNode(chosen.get(1));
        new Actions(driver).keyUp(org.openqa.selenium.Keys.SHIFT).perform();
        assertThat(js("return window.policygraph.cy.$('node:selected').map(n => n.id()).sort()")).asList()
                .containsExactlyInAnyOrderElementsOf(chosen.subList(0, 2));
        long chosenEdges = ((Number) js("return window.policygraph.cy.collection(arguments[0].map(i => window.policygraph.cy.getElementById(i)))"
                + ".connectedEdges(':visible').length", chosen.subList(0, 2))).longValue();
        driver.findElement(By.id("hide-selected")).click();
        waitFor().until(d -> shownNodes() == nodes - 2);
        assertThat(shownEdges()).isEqualTo(edges - chosenEdges);
        assertThat(driver.findElement(By.id("status")).getText()).contains("已隐藏 2 个");
        // the URL restores the hidden nodes
        String hidden = driver.getCurrentUrl();
        assertThat(hidden).contains("hidden=");
        driver.findElement(By.id("undo")).click();
        waitFor().until(d -> shownNodes() == nodes);
        assertThat(shownEdges()).isEqualTo(edges);
        driver.get("about:blank");
        driver.get(hidden);
        waitReady();
        waitFor().until(d -> hasNode(chosen.get(1)) && shownNodes() == nodes - 2);
        assertThat(shownEdges()).isEqualTo(edges - chosenEdges);
        driver.findElement(By.id("show-hidden")).click();
        waitFor().until(d -> shownNodes() == nodes);
        assertThat(driver.findElement(By.id("show-hidden")).isDisplayed()).isFalse();
    }

    @Test
    void undoTakesBackAnExpansionOfNeighbours() {
        open("#nodes=" + encode("region:620400"));
        waitFor().until(d -> hasNode(BAIYIN_TASK_14));
        long nodes = nodeCount();
        doubleClickNode(BAIYIN_TASK_14);
        waitFor().until(d -> hasNode(BAIYIN_CITY_HEALTH));
        waitIdle();
        assertThat(nodeCount()).isGreaterThan(nodes);
        assertThat(driver.getCurrentUrl()).contains(encode(BAIYIN_TASK_14));
        assertThat(driver.findElement(By.id("undo")).getAttribute("title")).contains("展开关联");
        pressUndo();
        assertThat(nodeCount()).isEqualTo(nodes);
        assertThat(hasNode(BAIYIN_CITY_HEALTH)).isFalse();
        assertThat(js("return window.policygraph.state().nodes")).asList().containsExactly("region:620400");
        assertThat(driver.getCurrentUrl()).contains("nodes=" + encode("region:620400") + "&");
        assertThat(driver.findElement(By.id("undo")).isEnabled()).isFalse();
    }

    /**
     * The bound on a row of the hierarchical layout: 30 nodes 60 apart (layout.js MAX_PER_ROW, COLUMN_GAP),
     * 1,740 between the outer centres. With 500 nodes the drawing is then about 1,800 × 1,300, which the
     * graph pane at 1280×720 shows at about a third of its size: nodes 7–9 px, the main labels readable.
     */
    static final double MAX_ROW_WIDTH = 29 * 60;
    static final int MAX_ROW_NODES = 30;

    @Test
    void hierarchicalLayoutOfFiveHundredNodesWrapsItsLayersAndNothingOverlaps() {
        open("");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 720));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(HIERARCHY_OF_500 + """
                    const g = window.policygraph.graph;
                    const cy = g.cy;
                    g.merge(hierarchy());
                    cy.resize();
                    g.setLayout('tree');
                    const t = performance.now();
                    g.layout().then(() => {
                      const ms = performance.now() - t;
                      const nodes = cy.nodes(':visible');
                      const rows = new Map();
                      nodes.forEach((n) => {
                        const y = Math.round(n.position('y'));
                        if (!rows.has(y)) rows.set(y, []);
                        rows.get(y).push(n.position('x'));
                      });
                      const widths = [...rows.values()].map((xs) => Math.max(...xs) - Math.min(...xs));
                      const sizes = [...rows.values()].map((xs) => xs.length);
                      const boxes = nodes.map((n) => n.boundingBox({ includeLabels: false, includeOverlays: false }));
                      let overlaps = 0;
                      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                        const a = boxes[i], b = boxes[j];
                        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
                      }
                      const layerY = (type) => nodes.filter((n) => n.data('type') === type).map((n) => n.position('y'));
                      const top = (type) => Math.min(...layerY(type)), bottom = (type) => Math.max(...layerY(type));
                      const all = nodes.boundingBox({ includeLabels: false });
                      g.placeLabels();
                      const shown = nodes.filter((n) => !n.hasClass('label-hidden'));
                      const labels = shown.map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
                      let labelOverlaps = 0;
                      for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
                        const a = labels[i], b = labels[j];
                        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) labelOverlaps++;
                      }
                      done({
                        ms, count: nodes.length, maxRowWidth: Math.max(...widths), maxRowNodes: Math.max(...sizes), rows: rows.size,
                        overlaps, width: all.w, height: all.h, zoom: cy.zoom(), paneWidth: cy.width(), paneHeight: cy.height(),
                        documentsAboveSections: bottom('document') < top('section'), sectionsAboveTasks: bottom('section') < top('task'),
                        tasksAboveFacts: bottom('task') < Math.min(top('department'), top('pilot'), top('indicator'), top('region')),
                        labelsShown: shown.length, labelOverlaps,
                      });
                    });
                    """);
            System.out.println("Hierarchical layout of 500 nodes: " + r);
            assertThat(((Number) r.get("count")).intValue()).isGreaterThanOrEqualTo(480);
            assertThat(((Number) r.get("maxRowNodes")).intValue()).isLessThanOrEqualTo(MAX_ROW_NODES);
            assertThat(((Number) r.get("maxRowWidth")).doubleValue()).isLessThanOrEqualTo(MAX_ROW_WIDTH);
            assertThat(((Number) r.get("overlaps")).intValue()).isZero();
            assertThat(r.get("documentsAboveSections")).isEqualTo(true);
            assertThat(r.get("sectionsAboveTasks")).isEqualTo(true);
            assertThat(r.get("tasksAboveFacts")).isEqualTo(true);
            // not one endless line: the drawing is at most three times as wide as high
            assertThat(((Number) r.get("width")).doubleValue()).isLessThan(3 * ((Number) r.get("height")).doubleValue());
            // at 1280×720, fitted: a 22 px node at least 7 px on screen, and labels that do not overlap
            assertThat(((Number) r.get("zoom")).doubleValue() * 22).isGreaterThanOrEqualTo(7);
            assertThat(((Number) r.get("labelsShown")).intValue()).isGreaterThan(20);
            assertThat(((Number) r.get("labelOverlaps")).intValue()).isZero();
            assertThat(((Number) r.get("ms")).doubleValue()).isLessThan(3000);
            screenshot("hierarchicalLayoutAt1280x720");
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        }
    }

    @Test
    void forceLayoutSettlesAndStopsMoving() {
        open("");
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> runs = (List<Map<String, Number>>) ((JavascriptExecutor) driver).executeAsyncScript(HIERARCHY_OF_500 + """
                const g = window.policygraph.graph;
                const cy = g.cy;
                const positions = () => Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
                const moved = (a, b) => Math.max(...Object.keys(a).map((k) => Math.hypot(a[k].x - b[k].x, a[k].y - b[k].y)));
                const wait = (ms) => new Promise((r) => setTimeout(r, ms));
                (async () => {
                  const out = [];
                  // under 250 nodes the layout animates; 250 to 600 it does not; above 600 it is our own
                  for (const size of [120, 400, 700]) {
                    g.clear();
                    const h = hierarchy(6);
                    const keep = new Set(h.nodes.slice(0, size).map((n) => n.id));
                    g.merge({ nodes: h.nodes.slice(0, size), edges: h.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) });
                    g.setLayout('force');
                    await g.layout();
                    const after = positions();
                    await wait(1500);
                    out.push({ size: cy.nodes().length, moved: moved(after, positions()) });
                  }
                  done(out);
                })();
                """);
        System.out.println("Force layout, movement after it finished: " + runs);
        assertThat(runs).hasSize(3);
        assertThat(runs.get(2).get("size").intValue()).as("the linear-time layout above 600 nodes").isGreaterThan(600);
        for (Map<String, Number> run : runs) {
            assertThat(run.get("moved").doubleValue()).as("largest move after the layout stopped, %s nodes", run.get("size")).isLessThan(0.5);
        }
    }

    /** A script defining hierarchy(documents): 4 documents give 16 sections, 100 tasks and their facts, 490 nodes; 6 give 675. */
    static final String HIERARCHY_OF_500 = """
            const done = arguments[arguments.length - 1];
            function hierarchy(documents = 4) {
              const nodes = [], edges = [];
              const edge = (source, target, rel, extra = {}) => edges.push({ id: source + '|' + rel + '|' + target, source, target, rel, label: '', ...extra });
              for (let d = 0; d < documents; d++) {
                const doc = 'document:D' + d;
                nodes.push({ id: doc, type: 'document', label: '某省深化医改重点任务' + d, key: 'D' + d, docKey: 'D' + d, year: 2021 + d % 2 });
                for (let s = 0; s < 4; s++) {
                  const section = 'section:D' + d + '#' + s;
                  nodes.push({ id: section, type: 'section', label: '第' + s + '部分', docKey: 'D' + d });
                  edge(doc, section, 'HAS_SECTION');
                  for (let t = 0; t < 25 / 4 + (s < 1 ? 1 : 0) && nodes.filter((n) => n.type === 'task' && n.docKey === 'D' + d).length < 25; t++) {
                    const i = nodes.filter((n) => n.type === 'task').length;
                    const task = 'task:D' + d + '#' + i;
                    nodes.push({ id: task, type: 'task', label: '推进某项改革任务' + i, docKey: 'D' + d, ordinal: i, year: 2021 + d % 2 });
                    edge(section, task, 'HAS_TASK');
                  }
                }
              }
              const tasks = nodes.filter((n) => n.type === 'task').map((n) => n.id);
              const pool = (type, count, label) => {
                const ids = [];
                for (let i = 0; i < count; i++) { nodes.push({ id: type + ':' + i, type, label: label + i }); ids.push(type + ':' + i); }
                return ids;
              };
              const departments = pool('department', 40, '某某局');
              const regions = pool('region', 30, '某某县');
              const institutions = pool('institution', 40, '某某医院');
              const programmes = pool('programme', 10, '某某试点项目');
              tasks.forEach((task, i) => {
                edge(task, departments[i % 40], 'ASSIGNED_TO', { role: 'LEAD' });
                edge(task, departments[(i * 7 + 3) % 40], 'ASSIGNED_TO', { role: 'PARTNER' });
                const pilot = 'pilot:' + i;
                nodes.push({ id: pilot, type: 'pilot', label: '某某试点\\n某某县' + i, level: 'PROVINCE' });
                edge(task, pilot, 'DESIGNATES', { pilotEdge: true, level: 'PROVINCE' });
                edge(pilot, programmes[i % 10], 'OF_PROGRAMME');
                edge(pilot, i % 2 ? regions[i % 30] : institutions[i % 40], 'AT_SITE', { pilotEdge: true, level: 'PROVINCE' });
                for (let k = 0; k < 1 + i % 2; k++) {
                  const indicator = 'indicator:' + i + '-' + k;
                  nodes.push({ id: indicator, type: 'indicator', label: '某指标 ≥9' + k + '%' });
                  edge(task, indicator, 'SETS');
                }
              });
              return { nodes, edges };
            }
            """;

    @Test
    void tableViewExportsAnExcelWorkbookWithTheSameRows() throws IOException {
        open("#preset=province-health-leads");
        waitFor().until(d -> hasNode("department:620000|省卫生健康委"));
        driver.findElement(By.id("show-table")).click();
        waitFor().until(d -> d.findElement(By.id("table-view")).isDisplayed());
        assertThat(driver.findElement(By.id("table-xlsx")).getText()).isEqualTo("导出 Excel");
        for (String which : List.of("tasks", "pilots", "indicators")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) js("const t = window.policygraph.table(arguments[0]);"
                    + " return { columns: t.columns, rows: t.rows.map((r) => r.map((v) => v == null ? '' : String(v))) };", which);
            @SuppressWarnings("unchecked")
            List<String> columns = (List<String>) t.get("columns");
            @SuppressWarnings("unchecked")
            List<List<String>> rows = (List<List<String>>) t.get("rows");
            List<List<String>> read = xlsxRows(which, "table-" + which);
            assertThat(read.get(0)).isEqualTo(columns);
            assertThat(read.subList(1, read.size())).as(which).isEqualTo(rows);
            if (which.equals("tasks")) {
                assertThat(rows).hasSizeGreaterThan(3);
                byte[] xlsx = Files.readAllBytes(SCREENSHOTS.resolve("table-tasks.xlsx"));
                try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
                    var sheet = book.getSheetAt(0);
                    assertThat(sheet.getSheetName()).isEqualTo("任务");
                    // the ordinal is a number in Excel, not text
                    assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                }
            }
        }
        // the button downloads it
        driver.findElement(By.id("table-xlsx")).click();
        waitIdle();
        waitFor().until(d -> d.findElement(By.id("status")).getText().equals("已导出 TASKS-XLSX"));
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

}
