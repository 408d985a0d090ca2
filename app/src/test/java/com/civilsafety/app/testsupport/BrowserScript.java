package com.civilsafety.app.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a browser script of web-ui/e2e (playwright-core in Debian's headless Chromium) against a platform this test
 * started, and fails unless it reported every check passed. Screenshots and the script's log go to
 * app/target/browser-screenshots. Skipped only with {@code -Dcivil-safety.skip-browser=true} (CI never gives it).
 */
public final class BrowserScript {
    private static final Path WEB_UI = Path.of("..", "web-ui").toAbsolutePath().normalize();
    private static final String CHROMIUM = System.getProperty("civil-safety.chromium", "/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots").toAbsolutePath();

    public static void require() {
        Assumptions.assumeFalse(Boolean.getBoolean("civil-safety.skip-browser"),
                "browser tests skipped on request (-Dcivil-safety.skip-browser=true)");
        assertThat(new File(CHROMIUM).canExecute()).as("Chromium (Debian package chromium) at " + CHROMIUM).isTrue();
        assertThat(WEB_UI.resolve("node_modules/playwright-core")).as("npm ci has run in web-ui").isDirectory();
    }

    /** Runs {@code e2e/<script>} against the platform on the port; returns its output. */
    public static String run(String script, int port) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path log = SCREENSHOTS.resolve(script.replace(".mjs", ".log"));
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + script)
                .directory(WEB_UI.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        builder.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        builder.environment().put("CHROMIUM", CHROMIUM);
        Process node = builder.start();
        node.getOutputStream().close();
        // the journeys take about ten minutes on a 2-core machine (every page of four roles on a phone, in 长辈版, by
        // keyboard): the limit is for a hung browser, not a measure of speed
        boolean done = node.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            node.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(done).as(script + " ended within 15 minutes:\n" + output).isTrue();
        assertThat(node.exitValue()).as(script + ":\n" + output).isZero();
        assertThat(output).contains("all journeys passed");
        return output;
    }

    private BrowserScript() {
    }
}
