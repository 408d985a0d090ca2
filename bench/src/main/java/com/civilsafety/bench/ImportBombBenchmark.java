package com.civilsafety.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A 《隐患清单》 upload built to exhaust memory: an .xlsx of about 1.2 MB whose sheet unpacks to 94 MiB (about 80:1,
 * under POI's 100:1 compression-ratio check), sent to the platform running under {@code -Xmx512m} — once alone,
 * then six at once while a township officer reads the inbox. Measures how fast it is refused, how much the heap grows
 * meanwhile (jstat, every 20 ms: eden + survivors + old, peak minus the level before, garbage included) and the
 * inbox's latency under the six. Writes its section of docs/benchmarks.md. Needs the JDK's jstat.
 * <p>
 * Run: {@code mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=com.civilsafety.bench.ImportBombBenchmark}
 */
public final class ImportBombBenchmark {
    private static final int PORT = 18083;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve("app/target/civil-safety-exec.jar");
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        Prerequisites.require(Files.exists(jar), jar + " (run mvn -DskipTests install first)");
        Prerequisites.require(Files.isExecutable(jstat), "the JDK's jstat (" + jstat + ")");

        long unpacked = 94L * 1024 * 1024;
        byte[] bomb = bomb(unpacked);
        System.out.printf(Locale.ROOT, "the file: %.2f MB on the wire, %d MB unpacked%n", bomb.length / 1e6, unpacked / (1024 * 1024));

        Path dir = Files.createTempDirectory("civil-safety-import-bomb");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=" + PORT,
                "--civil-safety.engine.embedded.port=0")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile()).start();
        StringBuilder s = new StringBuilder();
        try {
            awaitUp(app, dir);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Thread.sleep(3000); // let start-up garbage settle

            HeapWatch heap = new HeapWatch(jstat, app.pid());
            long baseline = heap.usedBytes();
            heap.start();
            long started = System.nanoTime();
            HttpResponse<String> alone = upload(http, bomb);
            double aloneSeconds = (System.nanoTime() - started) / 1e9;
            long growth = heap.stop() - baseline;
            System.out.printf(Locale.ROOT, "alone: %d in %.2f s, heap growth %.1f MB: %s%n", alone.statusCode(), aloneSeconds,
                    growth / 1e6, alone.body());

            String session = signIn(http);
            List<Double> quiet = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t = System.nanoTime();
                get(http, "/api/tasks", session);
                quiet.add((System.nanoTime() - t) / 1e6);
            }
            double quietP95 = percentile(quiet, 0.95);

            ExecutorService pool = Executors.newFixedThreadPool(6 + 1);
            List<Future<double[]>> bombs = new ArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Double> inbox = new ArrayList<>();
            HeapWatch heap6 = new HeapWatch(jstat, app.pid());
            long baseline6 = heap6.usedBytes();
            heap6.start();
            Future<?> reader = pool.submit(() -> {
                while (running.get()) {
                    long t = System.nanoTime();
                    get(http, "/api/tasks", session);
                    synchronized (inbox) {
                        inbox.add((System.nanoTime() - t) / 1e6);
                    }
                }
                return null;
            });
            for (int i = 0; i < 6 * ROUNDS; i++) {
                bombs.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<String> reply = upload(http, bomb);
                    return new double[]{reply.statusCode(), (System.nanoTime() - t) / 1e9};
                }));
            }
            java.util.Map<Integer, Integer> answers = new java.util.TreeMap<>();
            double slowest = 0;
            for (Future<double[]> f : bombs) {
                double[] r = f.get();
                answers.merge((int) r[0], 1, Integer::sum);
                slowest = Math.max(slowest, r[1]);
            }
            running.set(false);
            reader.get();
            pool.shutdown();
            long growth6 = heap6.stop() - baseline6;
            double inboxMax = inbox.stream().mapToDouble(d -> d).max().orElse(0);
            double inboxP95 = percentile(inbox, 0.95);
            System.out.printf(Locale.ROOT, "six at once, %d rounds: %s, slowest %.2f s, heap growth %.1f MB; inbox meanwhile: %d reads, "
                    + "p95 %.0f ms, max %.0f ms (alone: p95 %.0f ms)%n", ROUNDS, answers, slowest, growth6 / 1e6, inbox.size(),
                    inboxP95, inboxMax, quietP95);

            s.append("## 清单 import: a workbook that swells (zip bomb) under -Xmx512m\n\n");
            s.append("What: an .xlsx of ").append(String.format(Locale.ROOT, "%.2f MB", bomb.length / 1e6))
                    .append(" whose sheet unpacks to ").append(unpacked / (1024 * 1024))
                    .append(" MiB of rows (about 80:1, under POI's 100:1 compression-ratio check), uploaded to `POST /api/reports/hazard-import` ")
                    .append("of the platform started with `-Xmx512m` (embedded defaults): once alone, then six at once (five rounds, ")
                    .append("all 30 sent together) while a township officer, signed in, reads the inbox in a loop. The import counts every part as it unpacks it and refuses ")
                    .append("the file past 16 MB, before POI parses anything; at most two files are read at once. Heap growth: ")
                    .append("jstat every 20 ms, eden + survivors + old at the peak minus before (garbage included). ")
                    .append("Target (issue 17): refused in under 2 s with heap growth under 64 MB.\n\n");
            s.append(BenchmarkReport.context("mvn -q -DskipTests install && mvn -q -pl bench exec:java "
                    + "-Dexec.mainClass=com.civilsafety.bench.ImportBombBenchmark"));
            s.append("\n| case | answers | slowest | heap growth | inbox meanwhile (p95 / max) |\n|---|---|---:|---:|---:|\n");
            s.append(String.format(Locale.ROOT, "| alone | %d | %.2f s | %.1f MB | – |%n", alone.statusCode(), aloneSeconds, growth / 1e6));
            s.append(String.format(Locale.ROOT, "| six at once, %d rounds back to back | %s | %.2f s | %.1f MB | %.0f ms / %.0f ms (%d reads; "
                    + "alone p95 %.0f ms) |%n", ROUNDS, answers, slowest, growth6 / 1e6, inboxP95, inboxMax, inbox.size(), quietP95));
            s.append("\nAnswer to the file: ").append(alone.body().replace("|", "\\|")).append("\n");
        } finally {
            app.destroy();
            app.waitFor();
        }
        BenchmarkReport.writeSection(root.resolve("docs/benchmarks.md"), "import-bomb", s.toString());
        System.exit(0);
    }

    /** The template's sheet ("隐患清单", header row as the template's) followed by varied rows up to {@code size} bytes. */
    static byte[] bomb(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a long description, the same in every row: the rows differ in their numbers only, which deflate squeezes ~80:1
        String description = "二楼消防通道堆放杂物".repeat(35);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                     xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="隐患清单" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            long written = write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            String[] headers = {"机构名称*", "隐患描述*", "隐患部位", "判定依据编号*", "发现方式*", "发现日期*", "是否危及服务对象", "是否立查立改", "现场整改情况"};
            StringBuilder header = new StringBuilder("<row r=\"2\">");
            for (int c = 0; c < headers.length; c++) {
                header.append(cell((char) ('A' + c), 2, headers[c]));
            }
            written += write(zip, header.append("</row>").toString());
            for (int r = 3; written < size; r++) {
                StringBuilder row = new StringBuilder("<row r=\"").append(r).append("\">");
                row.append(cell('A', r, "城关镇敬老院")).append(cell('B', r, description)).append(cell('D', r, "GEN-FIRE"));
                written += write(zip, row.append("</row>").toString());
            }
            written += write(zip, "</sheetData></worksheet>");
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static double percentile(List<Double> values, double share) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(sorted.size() * share)));
    }

    private static String cell(char column, int row, String text) {
        return "<c r=\"" + column + row + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, content);
        zip.closeEntry();
    }

    private static long write(ZipOutputStream zip, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        zip.write(bytes);
        return bytes.length;
    }

    private static HttpResponse<String> upload(HttpClient http, byte[] file) throws IOException, InterruptedException {
        String boundary = "----bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"qingdan.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/reports/hazard-import"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", basic("town1"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void get(HttpClient http, String path, String session) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).timeout(Duration.ofMinutes(1))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The web UI's sign-in: a session cookie, so that each read is a read, not a password check. */
    private static String signIn(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"town1\", \"password\": \"demo123\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session: " + reply.body())).split(";")[0];
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo123").getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitUp(Process app, Path dir) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited:\n" + Files.readString(dir.resolve("app.log")));
            }
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200 && reply.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not up within 2 minutes");
    }

    /** The app's heap as jstat sees it (eden + survivors + old, in use), sampled every 20 ms for its peak. */
    private static final class HeapWatch {
        private final Path jstat;
        private final long pid;
        private final AtomicLong peak = new AtomicLong();
        private Process sampler;
        private Thread reader;

        HeapWatch(Path jstat, long pid) {
            this.jstat = jstat;
            this.pid = pid;
        }

        long usedBytes() throws IOException, InterruptedException {
            Process once = new ProcessBuilder(jstat.toString(), "-gc", String.valueOf(pid)).start();
            List<String> lines = new String(once.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            once.waitFor();
            return used(lines.get(0), lines.get(1));
        }

        void start() throws IOException {
            sampler = new ProcessBuilder(jstat.toString(), "-gc", String.valueOf(pid), "20").start();
            reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(sampler.getInputStream()))) {
                    String header = lines.readLine();
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (!line.isBlank() && !line.strip().startsWith("S0C")) {
                            long used = used(header, line);
                            peak.accumulateAndGet(used, Math::max);
                        }
                    }
                } catch (IOException ignored) {
                    // the sampler was stopped
                }
            });
            reader.start();
        }

        long stop() throws InterruptedException {
            Thread.sleep(100); // one more sample after the answer
            sampler.destroy();
            reader.join();
            return peak.get();
        }

        private static long used(String header, String values) {
            String[] names = header.trim().split("\\s+");
            String[] numbers = values.trim().split("\\s+");
            double kb = 0;
            for (int i = 0; i < names.length && i < numbers.length; i++) {
                if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                    kb += Double.parseDouble(numbers[i]);
                }
            }
            return (long) (kb * 1024);
        }
    }

    private ImportBombBenchmark() {
    }
}
