package org.convergence.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Selenium by Debian's chromedriver. Both paths are given
 * to Selenium, so Selenium Manager never runs (it would download a browser and a driver). The
 * browser's background services are switched off and it resolves no host name but localhost, so the
 * tests use the loopback network only (checked with strace: no DNS query, no connection elsewhere).
 * Without the packages the tests are skipped, except in CI, where {@code .ci/run} installs them and
 * their absence is a failure.
 */
final class SystemChromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Selenium looks for a DevTools binding matching the browser's version and warns when it has none;
     * these tests speak WebDriver only, so the warning is noise. Kept here: JUL holds loggers weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private SystemChromium() {}

    /** A new headless browser whose pages (and screenshots) are the given size; the caller quits it. */
    static ChromeDriver start(int width, int height) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions", "--no-first-run",
                "--no-default-browser-check", "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--no-pings",
                // With the switches above Chromium still looked up Google's autofill, accounts and update hosts: now no name resolves.
                "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--lang=en-CA", "--window-size=" + width + "," + height);
        // The console, where the browser reports what the page's Content-Security-Policy blocked.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        ChromeDriver browser = new ChromeDriver(service, options);
        // The window size includes the browser's frame; grow it by the frame so the page itself has the size asked for.
        List<?> frame = (List<?>) browser.executeScript("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
        browser.manage().window().setSize(new Dimension(width + ((Number) frame.get(0)).intValue(), height + ((Number) frame.get(1)).intValue()));
        return browser;
    }

    /** True when both the browser and the driver are installed. */
    static boolean installed() {
        return missing().isEmpty();
    }

    /** Skips the calling test when the browser or the driver is missing, or fails it in CI; the message names the packages. */
    static void requireInstalled() {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        String message = "browser tests need Debian's packages chromium and chromium-driver (" + String.join(" and ", missing)
                + " not found) [Hint: apt-get install chromium chromium-driver; .ci/run installs them]";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    private static List<String> missing() {
        return Stream.of(BROWSER, DRIVER).filter(path -> !Files.isExecutable(path)).map(Path::toString).toList();
    }
}
