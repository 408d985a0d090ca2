package com.civilsafety.app.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of a test's own, which the test may stop and start again (the shared test server stays up for the
 * other tests). Run by the same script as the shared one ({@code deploy/local/mariadb.sh}), on its own port and data
 * directory.
 */
public final class MariaDbServer {
    private static final Path SCRIPT = Path.of("..", "deploy", "local", "mariadb.sh");
    private final String port;
    private final Path dir;

    public MariaDbServer(String port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public String port() {
        return port;
    }

    public void start() {
        run("start");
    }

    public void stop() {
        run("stop");
    }

    private void run(String command) {
        if (!Files.isExecutable(SCRIPT)) {
            throw new IllegalStateException(SCRIPT.toAbsolutePath() + " not found (run the tests from the app module)");
        }
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true);
        builder.environment().put("CIVIL_SAFETY_MARIADB_PORT", port);
        builder.environment().put("CIVIL_SAFETY_MARIADB_DIR", dir.toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("mariadb.sh " + command + " on port " + port + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
