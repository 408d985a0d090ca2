package com.civilsafety.bench;

import com.civilsafety.engine.hazard.HazardIntake;
import com.civilsafety.engine.inbox.TaskSubmission;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.hazard.AssignmentForm;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.hazard.RectificationReport;
import com.civilsafety.ledger.hazard.VerificationResult;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.people.PeopleService;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Full rectification loops per second, through the app's engine, workers and ledger in-process, on H2 and on MariaDB,
 * against the same models on a bare engine with no-op workers. Writes its section of docs/benchmarks.md.
 * <p>
 * Run: {@code deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench exec:java} (options:
 * -Dbench.seconds, -Dbench.warmup, -Dbench.inflight=1,10,50, -Dbench.databases=h2,mariadb).
 */
public final class SliceBenchmark {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final int IDLE_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int[] inFlight = Arrays.stream(System.getProperty("bench.inflight", "1,10,50").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        List<Measurement.Result> results = new ArrayList<>();

        // a fresh engine (and app, and database) for every row: the in-memory engine slows down as its state grows
        for (int n : inFlight) {
            try (BareEngine bare = new BareEngine()) {
                AtomicLong ids = new AtomicLong();
                results.add(report(Measurement.run("bare engine", n, warmup, seconds, (c, i) -> bare.runOne(ids.incrementAndGet()))));
            }
        }
        List<Databases> databases = Arrays.stream(System.getProperty("bench.databases", "h2,mariadb").split(","))
                .map(d -> Databases.valueOf(d.trim().toUpperCase(Locale.ROOT))).toList();
        for (Databases database : databases) {
            for (int n : inFlight) {
                try (ConfigurableApplicationContext app = database.startApp(root)) {
                    results.add(report(Measurement.run(database.name(), n, warmup, seconds, new Slice(app)::runOne)));
                }
            }
        }
        double idle;
        try (ConfigurableApplicationContext app = Databases.H2.startApp(root)) {
            idle = idleRecordsPerSecond(app, IDLE_SECONDS);
        }
        write(root.resolve("docs/benchmarks.md"), results, databases, seconds, warmup, idle);
        // the engine's and the client's thread pools are not all daemons: end here rather than wait on them
        System.exit(0);
    }

    /** One hazard through the real platform: reported, rectified by its institution, verified, closed. */
    private static final class Slice {
        private final HazardIntake intake;
        private final TaskSubmission submission;
        private final SliceProbe probe;
        private final Actor inspector;
        private final List<Actor> managers = new ArrayList<>();
        private final java.util.Map<String, Actor> townshipOfficers = new java.util.HashMap<>();

        Slice(ConfigurableApplicationContext app) {
            intake = app.getBean(HazardIntake.class);
            submission = app.getBean(TaskSubmission.class);
            probe = app.getBean(SliceProbe.class);
            PeopleService people = app.getBean(PeopleService.class);
            inspector = people.findByUsername("inspector1").map(PeopleService::actorOf).orElseThrow();
            for (int i = 1; i <= 59; i++) {
                people.findByUsername("inst%03d".formatted(i)).map(PeopleService::actorOf).ifPresent(managers::add);
            }
            for (int i = 1; i <= 8; i++) {
                people.findByUsername("town" + i).map(PeopleService::actorOf).ifPresent(o -> townshipOfficers.put(o.regionPath(), o));
            }
        }

        void runOne(int client, int iteration) throws Exception {
            Actor manager = managers.get((client * 7 + iteration) % managers.size());
            LocalDate today = LocalDate.now();
            long hazardId = intake.report(new HazardReport(manager.institutionId(), "消防通道堆放杂物", "一楼走廊",
                    "GEN-FIRE", true, HazardSource.DEPARTMENT_CHECK, today), inspector).getId();
            long assignment = probe.awaitTask(hazardId, TaskKind.ASSIGNMENT, STEP_TIMEOUT);
            submission.submit(assignment, townshipOfficers.get(manager.regionPath()), new AssignmentForm(manager.displayName(),
                    manager.displayName(), "清理杂物", null, today.plusDays(5), null));
            long rectification = probe.awaitTask(hazardId, TaskKind.RECTIFICATION, STEP_TIMEOUT);
            submission.submit(rectification, manager, new RectificationReport("清理杂物", "负责人", BigDecimal.ZERO, today, null));
            long verification = probe.awaitTask(hazardId, TaskKind.VERIFICATION, STEP_TIMEOUT);
            submission.submit(verification, inspector, new VerificationResult(true, "已整改", null));
            probe.awaitClosed(hazardId, STEP_TIMEOUT);
        }
    }

    private static Measurement.Result report(Measurement.Result r) {
        System.out.printf(Locale.ROOT, "%-12s in flight %3d: %6.1f /s  p50 %7.1f ms  p95 %7.1f ms  (%d done, %d errors)%n",
                r.name(), r.inFlight(), r.perSecond(), r.p50Ms(), r.p95Ms(), r.completed(), r.errors());
        return r;
    }

    /** Engine log records an idle platform appends per second (the engine keeps them all in memory). */
    private static double idleRecordsPerSecond(ConfigurableApplicationContext app, int seconds) throws InterruptedException {
        RecordStreamSource records = app.getBean(ZeebeTestEngine.class).getRecordStreamSource();
        Thread.sleep(5_000); // let start-up settle
        long before = count(records);
        Thread.sleep(seconds * 1000L);
        return (count(records) - before) / (double) seconds;
    }

    private static long count(RecordStreamSource records) {
        long n = 0;
        for (Object ignored : records.getRecords()) {
            n++;
        }
        return n;
    }

    private static void write(Path file, List<Measurement.Result> results, List<Databases> databases, int seconds,
                              int warmup, double idle) throws IOException {
        StringBuilder s = new StringBuilder("## Hazard rectification loop: end-to-end throughput\n\n");
        s.append("What: full loops of the general path with no human delay — a hazard reported through `HazardIntake`, ")
                .append("graded by the DMN, its 五落实 assignment submitted by the township, its rectification by the ")
                .append("institution, its verification by an inspector, until it is closed (the 回头看 weeks later is not ")
                .append("part of it): eight jobs, three messages, ~25 ledger transactions, in-process (no HTTP). ")
                .append("`in flight` clients run loops in a closed loop. The bare engine runs the same models with no-op ")
                .append("workers that complete at once and publish the task messages themselves (no database): the ")
                .append("denominator of the ratio. Targets (issue 3): ≥ 30 loops/s on H2, platform ÷ bare ≥ 0.4.\n\n");
        s.append(BenchmarkReport.context("deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench exec:java"));
        s.append("- Engine: embedded `zeebe-process-test-engine`; databases: ")
                .append(databases.stream().map(Databases::label).collect(Collectors.joining(", "))).append('\n');
        s.append("- Window: ").append(warmup).append(" s warm-up, then ").append(seconds)
                .append(" s measured per row; a fresh engine, app and database for every row\n\n");
        s.append("| in flight | bare engine /s |");
        databases.forEach(d -> s.append(' ').append(d.label()).append(" /s | ÷ bare | p50 ms | p95 ms |"));
        s.append(" errors |\n|---:|---:|");
        databases.forEach(d -> s.append("---:|---:|---:|---:|"));
        s.append("---:|\n");
        for (Measurement.Result bare : results.stream().filter(r -> r.name().equals("bare engine")).toList()) {
            s.append(String.format(Locale.ROOT, "| %d | %.1f |", bare.inFlight(), bare.perSecond()));
            int errors = bare.errors();
            for (Databases database : databases) {
                Measurement.Result r = results.stream()
                        .filter(x -> x.name().equals(database.name()) && x.inFlight() == bare.inFlight()).findFirst().orElseThrow();
                s.append(String.format(Locale.ROOT, " %.1f | %.2f | %.0f | %.0f |", r.perSecond(),
                        r.perSecond() / bare.perSecond(), r.p50Ms(), r.p95Ms()));
                errors += r.errors();
            }
            s.append(' ').append(errors).append(" |\n");
        }
        s.append(String.format(Locale.ROOT, "%nIdle platform (all workers streaming, polling every 30 s): %.1f engine log "
                + "records per second, measured over %d s after start-up.%n", idle, IDLE_SECONDS));
        BenchmarkReport.writeSection(file, "slice-benchmark", s.toString());
    }

    private SliceBenchmark() {
    }
}
