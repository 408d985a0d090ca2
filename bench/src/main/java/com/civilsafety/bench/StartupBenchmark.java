package com.civilsafety.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long the platform takes to come up on the embedded defaults, as a user starts it: {@code java -jar} of the
 * built application in an empty directory (so a new H2 database and the demo county are created), until
 * {@code /actuator/health} answers UP. Writes its section of docs/benchmarks.md.
 * <p>
 * Run: {@code mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=com.civilsafety.bench.StartupBenchmark}
 */
public final class StartupBenchmark {
    private static final int PORT = 18080;
    private static final Duration LIMIT = Duration.ofSeconds(120);

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve("app/target/civil-safety-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -DskipTests install first");
        }
        int runs = Integer.getInteger("bench.runs", 3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path dir = Files.createTempDirectory("civil-safety-startup");
            long started = System.nanoTime();
            Process app = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + PORT)
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile()).start();
            try {
                awaitUp(app, dir);
                seconds.add((System.nanoTime() - started) / 1e9);
                System.out.printf(Locale.ROOT, "run %d: up after %.1f s%n", i + 1, seconds.getLast());
            } finally {
                app.destroy();
                app.waitFor();
                deleteTree(dir.toFile());
            }
        }
        double best = seconds.stream().mapToDouble(d -> d).min().orElseThrow();
        double worst = seconds.stream().mapToDouble(d -> d).max().orElseThrow();
        BenchmarkReport.writeSection(root.resolve("docs/benchmarks.md"), "startup-benchmark", """
                ## Start-up on the embedded defaults

                What: `java -jar app/target/civil-safety-exec.jar` in an empty directory — a new H2 database, Flyway \
                migration, the demo county loaded, the embedded engine started, the models deployed — until \
                `/actuator/health` answers UP (the health includes the engine). Target: under 30 s on a 2-core machine.

                %s
                | runs | fastest | slowest |
                |---:|---:|---:|
                | %d | %.1f s | %.1f s |
                """.formatted(BenchmarkReport.context(
                "mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=com.civilsafety.bench.StartupBenchmark"),
                runs, best, worst));
        System.exit(0);
    }

    private static void awaitUp(Process app, Path dir) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited: see " + dir.resolve("app.log") + "\n" + Files.readString(dir.resolve("app.log")));
            }
            try {
                HttpResponse<String> reply = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200 && reply.body().contains("\"UP\"")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not up within " + LIMIT);
    }

    private static void deleteTree(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteTree(child);
            }
        }
        file.delete();
    }

    private StartupBenchmark() {
    }
}
