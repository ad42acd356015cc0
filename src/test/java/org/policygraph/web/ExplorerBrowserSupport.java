package org.policygraph.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the explorer's browser tests share: one headless Chromium per test class (Debian's chromium and
 * chromedriver), the page opened afresh by each test, the browser console checked for errors after each
 * test, and a screenshot of each test's end saved as target/screenshots/&lt;test&gt;.png (kept as a build
 * artifact); helpers to read the graph and to click, drag and type as a user would.
 */
abstract class ExplorerBrowserSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    protected static ChromeDriver driver;
    /** The console's refused queries (400) are logged by the browser as errors; a test that sends them says so. */
    protected static boolean refusedQueriesExpected;
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

    /**
     * The lines of a CSV that a script computes, read in the browser: it must open with the BOM and end
     * every line with CRLF (WebDriver may normalise line ends on the way back).
     */
    @SuppressWarnings("unchecked")
    protected static List<String> csvLines(String expression) {
        Map<String, Object> csv = (Map<String, Object>) js("const c = " + expression + ";"
                + " return { bom: c.charCodeAt(0) === 0xFEFF, crlf: c.endsWith('\\r\\n') && !/[^\\r]\\n/.test(c.replace(/\"[^\"]*\"/g, '')),"
                + " lines: c.slice(1, -2).split('\\r\\n') };");
        assertThat(csv.get("bom")).as("UTF-8 byte order mark for Excel").isEqualTo(true);
        assertThat(csv.get("crlf")).as("CRLF line ends").isEqualTo(true);
        return (List<String>) csv.get("lines");
    }

    protected static long shownNodes() {
        return ((Number) js("return window.policygraph.cy.nodes(':visible').length")).longValue();
    }

    protected static long shownEdges() {
        return ((Number) js("return window.policygraph.cy.edges(':visible').length")).longValue();
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Double> position(String nodeId) {
        Map<String, Number> p = (Map<String, Number>) js(
                "const p = window.policygraph.cy.getElementById(arguments[0]).position(); return { x: p.x, y: p.y };", nodeId);
        return Map.of("x", p.get("x").doubleValue(), "y", p.get("y").doubleValue());
    }

    /** Where a node is drawn, as an offset from the centre of the graph's canvas (what Selenium's moves take). */
    @SuppressWarnings("unchecked")
    protected static int[] offsetOnCanvas(String nodeId) {
        js("window.policygraph.cy.stop(); window.policygraph.cy.nodes().stop();");
        Map<String, Number> at = (Map<String, Number>) js(
                "const p = window.policygraph.cy.getElementById(arguments[0]).renderedPosition(); return { x: p.x, y: p.y };", nodeId);
        WebElement canvas = driver.findElement(By.id("cy"));
        return new int[] {(int) Math.round(at.get("x").doubleValue() - canvas.getSize().getWidth() / 2.0),
                (int) Math.round(at.get("y").doubleValue() - canvas.getSize().getHeight() / 2.0)};
    }

    protected static void clickNode(String nodeId) {
        int[] at = offsetOnCanvas(nodeId);
        new Actions(driver).moveToElement(driver.findElement(By.id("cy")), at[0], at[1]).click().perform();
    }

    protected void doubleClickNode(String nodeId) {
        waitIdle();
        int[] at = offsetOnCanvas(nodeId);
        new Actions(driver).moveToElement(driver.findElement(By.id("cy")), at[0], at[1]).doubleClick().perform();
    }

    /** Drags a node with the mouse by (dx, dy) screen pixels, in steps as a hand would. */
    protected void dragNode(String nodeId, int dx, int dy) {
        waitIdle();
        int[] at = offsetOnCanvas(nodeId);
        new Actions(driver).moveToElement(driver.findElement(By.id("cy")), at[0], at[1]).clickAndHold()
                .moveByOffset(dx / 3, dy / 3).moveByOffset(dx / 3, dy / 3).moveByOffset(dx - 2 * (dx / 3), dy - 2 * (dy / 3))
                .release().perform();
    }

    protected void pressUndo() {
        waitIdle();
        new Actions(driver).keyDown(org.openqa.selenium.Keys.CONTROL).sendKeys("z").keyUp(org.openqa.selenium.Keys.CONTROL).perform();
        waitIdle();
    }

    protected static long relationCount(String status) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) 条关系").matcher(status);
        assertThat(m.find()).as(status).isTrue();
        return Long.parseLong(m.group(1));
    }

    @SuppressWarnings("unchecked")
    protected static List<String> labels(String type) {
        return (List<String>) js("return window.policygraph.cy.nodes('[type = \"' + arguments[0] + '\"]').map(n => n.data('label'))",
                type);
    }

    protected void open(String hash) {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/" + hash);
        waitReady();
    }

    protected void waitReady() {
        waitFor().until(d -> "true".equals(js("return document.body.dataset.ready || ''")));
        waitIdle();
    }

    protected void waitIdle() {
        waitFor().until(d -> "0".equals(js("return document.body.dataset.busy || '0'")));
    }

    /** Polls until the condition holds; an element the explorer re-rendered meanwhile is polled again. */
    protected static WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    protected static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    protected static boolean hasNode(String id) {
        return Boolean.TRUE.equals(js("return window.policygraph.cy.getElementById(arguments[0]).nonempty()", id));
    }

    protected static long nodeCount() {
        return ((Number) js("return window.policygraph.cy.nodes().length")).longValue();
    }

    protected static long visibleCount() {
        return ((Number) js("return window.policygraph.cy.nodes().not('.filtered').length")).longValue();
    }

    @SuppressWarnings("unchecked")
    protected static List<String> nodeIds(String type) {
        return (List<String>) js("return window.policygraph.cy.nodes('[type = \"' + arguments[0] + '\"]').map(n => n.id())",
                type);
    }

    protected static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks), BOM dropped; a row ends at CRLF or LF. */
    protected static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                // CRLF as written (csvLines checks that); WebDriver may hand back a bare LF
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
                if (c == '\r') i++;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** The table view as shown: its header and every row's cells, as the page's text. */
    @SuppressWarnings("unchecked")
    protected static List<List<String>> tableOnThePage() {
        return (List<List<String>>) js("const t = document.querySelector('#table-view table');"
                + " return [[...t.tHead.rows[0].cells].map(c => c.textContent),"
                + " ...[...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent))];");
    }

    /**
     * The Excel workbook of a table ({@code window.policygraph.xlsx}, written by the server), read back with
     * POI as rows of formatted cells (header first), and kept as target/screenshots/&lt;file&gt;.xlsx; its
     * MIME type checked.
     */
    @SuppressWarnings("unchecked")
    protected static List<List<String>> xlsxRows(String which, String file) throws IOException {
        Map<String, Object> got = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.policygraph.xlsx(arguments[0]).then(async (blob) => {
                  const bytes = new Uint8Array(await blob.arrayBuffer());
                  let s = '';
                  for (const b of bytes) s += String.fromCharCode(b);
                  done({ type: blob.type, base64: btoa(s), columns: window.policygraph.table(arguments[0]).columns.length });
                });
                """, which);
        assertThat((String) got.get("type")).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        int columns = ((Number) got.get("columns")).intValue();
        byte[] xlsx = java.util.Base64.getDecoder().decode((String) got.get("base64"));
        Files.write(SCREENSHOTS.resolve(file + ".xlsx"), xlsx);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            var format = new org.apache.poi.ss.usermodel.DataFormatter();
            List<List<String>> read = new java.util.ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    cells.add(row == null || row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                read.add(cells);
            }
            return read;
        }
    }

    /**
     * The legend's swatches against the graph's own style: for each type of the legend the shape and colour
     * a node of that type gets, the shape the swatch was drawn with, its colour at the centre and its mask.
     */
    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> legendSwatches() {
        return (List<Map<String, Object>>) js("""
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
    }

    /** Every swatch of the legend has its type's shape and colour in the graph, and different shapes look different. */
    protected static void assertLegendMatchesTheGraph() {
        List<Map<String, Object>> legend = legendSwatches();
        assertThat(legend).hasSize(9);
        for (Map<String, Object> item : legend) {
            assertThat(item.get("drawn")).as("legend shape of %s", item.get("type")).isEqualTo(item.get("shape"));
            assertThat(item.get("center")).as("legend colour of %s", item.get("type"))
                    .isEqualTo(((String) item.get("color")).replace(" ", ""));
        }
        // the old CSS legend drew 试点 (star) and 指标 (vee) alike
        long shapes = legend.stream().map(m -> m.get("shape")).distinct().count();
        assertThat(legend.stream().map(m -> m.get("mask")).distinct().count()).isEqualTo(shapes);
    }

    /**
     * The PNG export ({@code window.policygraph.picture()}: title, query and legend above the graph), kept as
     * target/screenshots/&lt;file&gt;.png: its height, the height of the plain graph picture, and the dark pixels
     * in its top 200 rows (where the title, query and legend are drawn).
     */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> exportedPicture(String file) {
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
                  done({ plainHeight: plain.height, height: pic.height, width: pic.width, ink, src: pic.src });
                })();
                """);
        String src = (String) picture.get("src");
        assertThat(src).startsWith("data:image/png;base64,");
        try {
            Files.write(SCREENSHOTS.resolve(file + ".png"), java.util.Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return picture;
    }

    // The Cypher console

    protected void openConsole() {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + "/cypher.html");
        waitFor().until(d -> "true".equals(js("return document.body.dataset.ready || ''")));
    }

    protected void waitConsole() {
        waitFor().until(d -> "0".equals(js("return document.body.dataset.busy || '0'"))
                && !"运行中…".equals(d.findElement(By.id("status")).getText()));
    }

    /** Types a query and its parameters into the console and runs it. */
    protected void query(String text, String parameters) {
        js("document.getElementById('query').value = arguments[0];"
                + " document.getElementById('parameters').value = arguments[1];", text, parameters);
        js("document.getElementById('status').textContent = '运行中…'");
        driver.findElement(By.id("run")).click();
        waitConsole();
    }

    protected static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    protected static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !(refusedQueriesExpected && e.getMessage().contains("/api/cypher - Failed to load resource")))
                .map(LogEntry::getMessage)
                .toList();
    }

    protected static void screenshot(String name) {
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
