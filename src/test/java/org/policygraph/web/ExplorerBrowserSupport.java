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
