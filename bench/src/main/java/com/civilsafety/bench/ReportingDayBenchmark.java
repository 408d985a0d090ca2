package com.civilsafety.bench;

import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reporting day (issue 9): a self-check phase is open over 10 townships with 300 institutions, and within the
 * window (10 minutes) 500 people arrive at random moments, each signing in through the web UI's session login and doing
 * what that day asks of them, with a few seconds of reading between requests: 300 institution managers open their
 * self-check, fill it in and submit it (three in ten answer one item 否, which becomes a hazard in its loop);
 * 180 institution staff look at their inbox and their hazards; 20 township officers come back three times, take the
 * 五落实 assignments of the new hazards and look at their township's figures. Every request's latency is recorded;
 * afterwards the main read endpoints are driven by wrk. On MariaDB, loopback only. Writes its section of
 * docs/benchmarks.md.
 * <p>
 * Run: {@code deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench exec:java
 * -Dexec.mainClass=com.civilsafety.bench.ReportingDayBenchmark} (wrk from Debian's packages; options:
 * -Dbench.minutes=10 -Dbench.wrkSeconds=20).
 */
public final class ReportingDayBenchmark {
    private static final int TOWNSHIPS = 10;
    private static final int INSTITUTIONS = 300;
    private static final int STAFF = 180;
    private static final int OFFICERS_PER_TOWNSHIP = 2;
    private static final int OFFICER_VISITS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Sample(String kind, double ms, int status) {
    }

    /** One person's work, and by when in the window (a fraction of it) they arrive at the latest. */
    record Person(Runnable work, double latestArrival) {
    }

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Prerequisites.command("wrk", "apt-get install wrk");
        double minutes = Double.parseDouble(System.getProperty("bench.minutes", "10"));
        int wrkSeconds = Integer.getInteger("bench.wrkSeconds", 20);
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        StringBuilder s = new StringBuilder();
        try (ConfigurableApplicationContext app = Databases.MARIADB.startApp(root)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            List<Long> townships = generate(app, jdbc);
            Client admin = Client.signIn(base, "fuli", new ConcurrentLinkedQueue<>());
            LocalDate today = LocalDate.now(LedgerTime.ZONE);
            JsonNode campaign = admin.post("campaign", "/api/campaigns", """
                    {"name": "上报日基准", "leadOrganisation": "安澜县民政局", "regionIds": %s,
                     "institutionTypes": ["ELDERLY_CARE"],
                     "phases": [{"kind": "SELF_CHECK", "startsOn": "%s", "endsOn": "%s"}]}"""
                    .formatted(townships, today, today.plusDays(20)));
            long campaignId = campaign.path("id").asLong();
            long opened = waitFor(() -> jdbc.queryForObject("select count(*) from inbox_task where kind = 'SELF_CHECK' and status = 'OPEN'",
                    Long.class), INSTITUTIONS, Duration.ofMinutes(5));
            System.out.printf(Locale.ROOT, "campaign %d: %d self-checks open%n", campaignId, opened);

            ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
            List<Person> people = people(base, samples, today, minutes);
            long window = (long) (minutes * 60_000);
            Random random = new Random(7);
            long started = System.currentTimeMillis();
            AtomicInteger failures = new AtomicInteger();
            try (var scheduler = Executors.newScheduledThreadPool(1); ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Person person : people) {
                    scheduler.schedule(() -> users.submit(() -> {
                        try {
                            person.work().run();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            System.err.println("a person's session broke off: " + e);
                        }
                    }), (long) (random.nextDouble() * window * person.latestArrival()), TimeUnit.MILLISECONDS);
                }
                scheduler.shutdown();
                scheduler.awaitTermination(window, TimeUnit.MILLISECONDS);
                users.shutdown();
                users.awaitTermination(window, TimeUnit.MILLISECONDS);
            }
            double elapsed = (System.currentTimeMillis() - started) / 1000.0;
            long submitted = jdbc.queryForObject("select count(*) from inbox_task where kind = 'SELF_CHECK' and status = 'COMPLETED'", Long.class);
            long hazards = jdbc.queryForObject("select count(*) from hazard where campaign_id = ?", Long.class, campaignId);
            long assigned = jdbc.queryForObject("select count(*) from inbox_task where kind = 'ASSIGNMENT' and status = 'COMPLETED'", Long.class);
            List<Sample> all = new ArrayList<>(samples);
            long errors = all.stream().filter(x -> x.status() < 200 || x.status() >= 300).count() + failures.get();
            System.out.printf(Locale.ROOT, "%d requests in %.0f s, %d errors; %d self-checks submitted, %d hazards, %d assignments%n",
                    all.size(), elapsed, errors, submitted, hazards, assigned);

            // the load's figures, printed and written as soon as they are measured (the reads come after)
            StringBuilder load = new StringBuilder("| request | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
            all.stream().collect(Collectors.groupingBy(Sample::kind, TreeMap::new, Collectors.toList()))
                    .forEach((kind, list) -> load.append(row(kind, list)));
            load.append(row("**all requests**", all));
            System.out.print(load);

            String session = Client.signIn(base, "town1", samples).cookie;
            long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
            Map<String, String> reads = new java.util.LinkedHashMap<>();
            reads.put("inbox (`GET /api/tasks`, township officer)", "/api/tasks");
            reads.put("hazard list (`GET /api/hazards`, county, first page)", "/api/hazards");
            reads.put("county figures (`GET /api/statistics?groupBy=REGION`)", "/api/statistics?groupBy=REGION&regionId=" + county);
            reads.put("campaign progress (`GET /api/campaigns/{id}/progress`)", "/api/campaigns/" + campaignId + "/progress");
            Map<String, String> wrkRows = new java.util.LinkedHashMap<>();
            String fuliSession = Client.signIn(base, "fuli", samples).cookie;
            for (Map.Entry<String, String> read : reads.entrySet()) {
                String cookie = read.getValue().equals("/api/tasks") ? session : fuliSession;
                wrkRows.put(read.getKey(), wrk(base + read.getValue(), cookie, wrkSeconds));
                System.out.println(read.getKey() + ": " + wrkRows.get(read.getKey()));
            }

            s.append("## Reporting day: 500 people in 10 minutes\n\n");
            s.append("What: a self-check phase (机构自查) open over ").append(TOWNSHIPS).append(" townships with ")
                    .append(INSTITUTIONS).append(" elderly-care institutions; within ").append(fmt(minutes))
                    .append(" minutes ").append(people.size()).append(" people arrive at random moments, sign in through ")
                    .append("the web UI's session login and do that day's work with 2–5 s of reading between requests: ")
                    .append(INSTITUTIONS).append(" institution managers open and submit their self-check (3 in 10 answer one ")
                    .append("item 否, which becomes a hazard in its rectification loop), ").append(STAFF)
                    .append(" institution staff read their inbox and hazards, ").append(TOWNSHIPS * OFFICERS_PER_TOWNSHIP)
                    .append(" township officers come ").append(OFFICER_VISITS).append(" times, take the new hazards' 五落实 ")
                    .append("assignments and read their figures. All through HTTP on loopback against the running app ")
                    .append("(embedded engine, its workers, MariaDB). Then the main read endpoints under wrk (2 threads, ")
                    .append("16 connections, ").append(wrkSeconds).append(" s each, a signed-in session). Target (issue 9): ")
                    .append("p99 under 300 ms and no errors at the peak.\n\n");
            s.append(BenchmarkReport.context("deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench "
                    + "exec:java -Dexec.mainClass=com.civilsafety.bench.ReportingDayBenchmark"));
            s.append("- MariaDB 10.11 on the same machine (128 MB buffer pool); the load generator runs in the same JVM as the app\n");
            s.append(String.format(Locale.ROOT, "- Result: %d requests in %.0f s (%.1f/s), %d errors; %d self-checks submitted, "
                    + "%d hazards found by them, %d assignments taken%n%n", all.size(), elapsed, all.size() / elapsed, errors,
                    submitted, hazards, assigned));
            s.append(load);
            s.append("\nRead endpoints under wrk:\n\n| endpoint | requests/s | p50 ms | p95 ms | p99 ms | non-2xx |\n|---|---:|---:|---:|---:|---:|\n");
            wrkRows.forEach((name, line) -> s.append("| ").append(name).append(" | ").append(line).append(" |\n"));
        }
        BenchmarkReport.writeSection(root.resolve("docs/benchmarks.md"), "reporting-day", s.toString());
    }

    /** The people of the day, each a script of requests; the order in which they arrive is shuffled. */
    private static List<Person> people(String base, ConcurrentLinkedQueue<Sample> samples, LocalDate today, double minutes) {
        List<Person> people = new ArrayList<>();
        long visitGap = (long) (minutes * 60_000 * 0.25);
        Random random = new Random(11);
        for (int i = 0; i < INSTITUTIONS; i++) {
            String user = "rd-inst%03d".formatted(i);
            boolean findsOne = random.nextInt(10) < 3;
            people.add(new Person(() -> {
                Client c = Client.signIn(base, user, samples);
                JsonNode task = first(c.get("inbox", "/api/tasks"), "SELF_CHECK");
                think();
                JsonNode form = c.get("self-check form", "/api/campaign-tasks/" + task.path("id").asLong());
                List<String> items = new ArrayList<>();
                boolean first = true;
                for (JsonNode item : form.path("checklist")) {
                    String code = item.path("criterionCode").asText();
                    items.add(findsOne && first
                            ? "{\"criterionCode\": \"%s\", \"answer\": \"NO\", \"note\": \"疏散通道堆放杂物\", \"location\": \"一楼走廊\", \"residentsExposed\": false}".formatted(code)
                            : "{\"criterionCode\": \"%s\", \"answer\": \"YES\"}".formatted(code));
                    first = false;
                }
                think();
                c.post("self-check submit", "/api/tasks/" + task.path("id").asLong() + "/complete",
                        "{\"checkedOn\": \"%s\", \"signedBy\": \"负责人\", \"items\": [%s]}".formatted(today, String.join(", ", items)));
                think();
                c.get("inbox", "/api/tasks");
            }, 0.9));
        }
        for (int i = 0; i < STAFF; i++) {
            String user = "rd-staff%03d".formatted(i);
            people.add(new Person(() -> {
                Client c = Client.signIn(base, user, samples);
                c.get("inbox", "/api/tasks");
                think();
                c.get("hazard list", "/api/hazards");
            }, 0.9));
        }
        for (int t = 0; t < TOWNSHIPS; t++) {
            for (int o = 0; o < OFFICERS_PER_TOWNSHIP; o++) {
                String user = "rd-town%02d-%d".formatted(t, o);
                int parity = o;
                people.add(new Person(() -> {
                    Client c = Client.signIn(base, user, samples);
                    for (int visit = 0; visit < OFFICER_VISITS; visit++) {
                        for (JsonNode task : c.get("inbox", "/api/tasks")) {
                            // two officers share a township: each takes the tasks of one parity, as a rota would
                            if (task.path("kind").asText().equals("ASSIGNMENT") && task.path("id").asLong() % 2 == parity) {
                                think();
                                c.post("assignment submit", "/api/tasks/" + task.path("id").asLong() + "/complete", """
                                        {"responsibleUnit": "机构", "responsiblePerson": "负责人", "measures": "清理通道",
                                         "funds": 500, "deadline": "%s", "temporaryControls": "专人值守"}""".formatted(today.plusDays(5)));
                            }
                        }
                        think();
                        c.get("township figures", "/api/statistics?groupBy=REGION");
                        if (visit < OFFICER_VISITS - 1) {
                            sleep(visitGap); // back later in the day, for the hazards found since
                        }
                    }
                }, 0.25));
            }
        }
        Collections.shuffle(people, random);
        return people;
    }

    /** 10 townships in the demo county, 300 institutions in them, and the 500 people's accounts. */
    private static List<Long> generate(ConfigurableApplicationContext app, JdbcTemplate jdbc) {
        RegionRepository regions = app.getBean(RegionRepository.class);
        Region county = regions.findByCode("990121").orElseThrow();
        List<Long> townships = new ArrayList<>();
        for (int t = 0; t < TOWNSHIPS; t++) {
            townships.add(regions.save(new Region("99012190%02d".formatted(t), "上报日镇" + t, RegionLevel.TOWNSHIP, county)).getId());
        }
        String hash = jdbc.queryForObject("select password_hash from person where username = 'inst001'", String.class);
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < INSTITUTIONS; i++) {
            long township = townships.get(i % TOWNSHIPS);
            jdbc.update("""
                    insert into institution (code, name, type, region_id, qr_code, status, created_at, version, capacity)
                    values (?, ?, 'ELDERLY_CARE', ?, ?, 'OPERATING', ?, 0, 60)""",
                    "RD%04d".formatted(i), "上报日养老院" + i, township, UUID.randomUUID().toString(), now);
            long institution = jdbc.queryForObject("select id from institution where code = ?", Long.class, "RD%04d".formatted(i));
            person(jdbc, "rd-inst%03d".formatted(i), "院长" + i, hash, township, institution, "INSTITUTION_MANAGER", now);
            if (i < STAFF) {
                person(jdbc, "rd-staff%03d".formatted(i), "安全员" + i, hash, township, institution, "INSTITUTION_MANAGER", now);
            }
        }
        for (int t = 0; t < TOWNSHIPS; t++) {
            for (int o = 0; o < OFFICERS_PER_TOWNSHIP; o++) {
                person(jdbc, "rd-town%02d-%d".formatted(t, o), "民政办" + t + "-" + o, hash, townships.get(t), null, "TOWNSHIP_OFFICER", now);
            }
        }
        return townships;
    }

    private static void person(JdbcTemplate jdbc, String username, String name, String hash, long region, Long institution,
                               String role, Timestamp now) {
        jdbc.update("insert into person (username, display_name, password_hash, enabled, region_id, institution_id, created_at) "
                + "values (?, ?, ?, true, ?, ?, ?)", username, name, hash, region, institution, now);
        jdbc.update("insert into person_role (person_id, role) select id, ? from person where username = ?", role, username);
    }

    /** One person's browser: the session cookie and CSRF token of the web UI's sign-in, every request timed. */
    static final class Client {
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final ConcurrentLinkedQueue<Sample> samples;
        private String cookie;
        private String csrfHeader;
        private String csrfToken;

        private Client(String base, ConcurrentLinkedQueue<Sample> samples) {
            this.base = base;
            this.samples = samples;
        }

        static Client signIn(String base, String user, ConcurrentLinkedQueue<Sample> samples) {
            Client c = new Client(base, samples);
            HttpResponse<String> r = c.send("sign-in", HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + user + "\", \"password\": \"demo123\"}")));
            c.cookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException(user + ": no session"))
                    .split(";")[0];
            JsonNode me = read(r);
            c.csrfHeader = me.path("csrfHeader").asText();
            c.csrfToken = me.path("csrfToken").asText();
            return c;
        }

        JsonNode get(String kind, String path) {
            return read(send(kind, HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET()));
        }

        JsonNode post(String kind, String path, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                request.header("Cookie", cookie).header(csrfHeader, csrfToken);
            }
            return read(send(kind, request));
        }

        private HttpResponse<String> send(String kind, HttpRequest.Builder request) {
            long t = System.nanoTime();
            try {
                HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                samples.add(new Sample(kind, (System.nanoTime() - t) / 1e6, response.statusCode()));
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(kind + " answered " + response.statusCode() + ": " + response.body());
                }
                return response;
            } catch (IOException e) {
                samples.add(new Sample(kind, (System.nanoTime() - t) / 1e6, 0));
                throw new IllegalStateException(kind + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static JsonNode read(HttpResponse<String> response) {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + response.body(), e);
            }
        }
    }

    private static JsonNode first(JsonNode tasks, String kind) {
        for (JsonNode task : tasks) {
            if (task.path("kind").asText().equals(kind)) {
                return task;
            }
        }
        throw new IllegalStateException("no " + kind + " task in " + tasks);
    }

    /** A person reads the page before the next request: 2–5 s. */
    private static void think() {
        sleep(2000 + (long) (Math.random() * 3000));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long waitFor(java.util.function.Supplier<Long> count, long expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long seen = count.get();
        while (seen < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            seen = count.get();
        }
        if (seen < expected) {
            throw new IllegalStateException("only " + seen + " of " + expected + " within " + within);
        }
        return seen;
    }

    private static String row(String kind, List<Sample> list) {
        double[] ms = list.stream().mapToDouble(Sample::ms).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", kind, ms.length, percentile(ms, 50),
                percentile(ms, 95), percentile(ms, 99), ms[ms.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** wrk against one URL with the session; "requests/s | p50 | p95 | p99 | non-2xx" from its Lua summary. */
    private static String wrk(String url, String cookie, int seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk-summary", ".lua");
        Files.writeString(script, """
                done = function(summary, latency, requests)
                  io.write(string.format("WRK %%.1f %%.1f %%.1f %%.1f %%d %%d\\n",
                    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
                    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
                end
                """.formatted());
        Process wrk;
        try {
            wrk = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "-H", "Cookie: " + cookie, "-s", script.toString(), url)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is needed for the read endpoints: apt-get install wrk", e);
        }
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher m = Pattern.compile("WRK (\\S+) (\\S+) (\\S+) (\\S+) (\\d+) (\\d+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk said: " + output);
        }
        System.out.println(url + ": " + m.group());
        return String.format(Locale.ROOT, "%.0f | %.1f | %.1f | %.1f | %d", Double.parseDouble(m.group(1)),
                Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
                Long.parseLong(m.group(5)) + Long.parseLong(m.group(6)));
    }

    private static String fmt(double minutes) {
        return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes);
    }

    private ReportingDayBenchmark() {
    }
}
