package io.supplygraph.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, driven by Selenium through the system's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver} packages; nothing is downloaded). Tests that need it skip, saying how to install it, on a
 * machine without one.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SUPPLYGRAPH_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("SUPPLYGRAPH_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    /** Where the screenshots go, for people to look at (the README's come from here). */
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    final WebDriver driver;
    private final URI base;

    private Browser(WebDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "no headless browser at " + CHROMIUM
                + " and " + DRIVER + ": install one with 'apt-get install chromium chromium-driver' (or set"
                + " SUPPLYGRAPH_CHROMIUM and SUPPLYGRAPH_CHROMEDRIVER); .ci/run installs them");
    }

    static Browser open(URI base, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base);
    }

    void go(String pathAndQuery) {
        driver.get(base.resolve(pathAndQuery).toString());
    }

    WebElement find(String css) {
        return until(d -> d.findElement(By.cssSelector(css)));
    }

    String text(String css) {
        return find(css).getText();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(js, arguments);
    }

    /** From navigation start to the end of the load event of the page showing, in milliseconds. */
    double loadMillis() {
        return ((Number) script("const n = performance.getEntriesByType('navigation')[0];"
                + " return n.loadEventEnd > 0 ? n.loadEventEnd - n.startTime : n.duration;")).doubleValue();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
