package com.civilsafety.bench;

import com.civilsafety.engine.hazard.HazardIntake;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.people.PeopleService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervisor's console at scale (issue 22): 10,000 process instances, each about a hazard of the ledger (8,000
 * waiting with a deadline timer armed, 1,500 completed, 500 cancelled), read over HTTP as the bureau's section officer
 * — the filtered list (one township's overdue hazards at a step, and a page of all running ones by deadline) and one
 * instance's detail — at two sizes of the engine's history: as built, and grown to 1,000,000 records by variable
 * updates on the running instances (the kind of records an engine appends all year). The hazards are copies of one
 * reported through the platform, spread over the demo county's institutions, some past their deadline. Targets: p95
 * under 300 ms for the list and the detail, and no growth with the history.
 * <p>
 * Run: {@code mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=com.civilsafety.bench.ConsoleBenchmark}
 * (options: -Dbench.instances=10000, -Dbench.history=1000000, -Dbench.requests=200).
 */
public final class ConsoleBenchmark {
    private static final String COMMAND = "mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=com.civilsafety.bench.ConsoleBenchmark";

    record Read(String name, String path) {
    }

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("bench.instances", 10_000);
        long history = Long.getLong("bench.history", 1_000_000);
        int requests = Integer.getInteger("bench.requests", 200);
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        try (ConfigurableApplicationContext app = Databases.H2.startApp(root)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            CamundaClient client = app.getBean(CamundaClient.class);
            ZeebeTestEngine engine = app.getBean(ZeebeTestEngine.class);
            List<Long> hazards = hazards(app, jdbc, instances);
            long building = System.nanoTime();
            List<Long> keys = instances(client, hazards);
            long buildMinutes = Math.round((System.nanoTime() - building) / 60e9);
            System.out.printf(Locale.ROOT, "%d instances, %d engine records%n", keys.size(), records(engine));

            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            ConcurrentLinkedQueue<ReportingDayBenchmark.Sample> samples = new ConcurrentLinkedQueue<>();
            ReportingDayBenchmark.Client fuli = ReportingDayBenchmark.Client.signIn(base, "fuli", samples);
            long township = jdbc.queryForObject("select id from region where name = '东山镇'", Long.class);
            List<Read> reads = List.of(
                    new Read("list: one township's overdue hazards at 等待整改", "/api/process-instances?regionId=" + township
                            + "&overdue=true&step=" + java.net.URLEncoder.encode("等待整改", java.nio.charset.StandardCharsets.UTF_8) + "&size=20"),
                    new Read("list: all running, by deadline, page 10", "/api/process-instances?status=running&sort=deadline&order=asc&page=10&size=20"),
                    new Read("detail: one instance", "/api/process-instances/" + keys.get(keys.size() / 3)));

            StringBuilder table = new StringBuilder("| engine records | read | p50 | p95 | max |\n| --- | --- | --- | --- | --- |\n");
            for (long target : List.of(0L, history)) {
                grow(client, engine, keys.subList(0, keys.size() * 8 / 10), target);
                long size = records(engine);
                for (Read read : reads) {
                    List<Double> ms = time(fuli, samples, read, requests);
                    table.append(String.format(Locale.ROOT, "| %,d | %s | %.0f ms | %.0f ms | %.0f ms |%n", size, read.name(),
                            percentile(ms, 50), percentile(ms, 95), ms.getLast()));
                    System.out.printf(Locale.ROOT, "%,d records, %s: p95 %.0f ms%n", size, read.name(), percentile(ms, 95));
                }
            }
            String report = "## Supervisor's console: 10,000 instances, two history sizes\n\n" + BenchmarkReport.context(COMMAND)
                    + "\nWhat: " + keys.size() + " process instances of a probe loop, each about a hazard of the ledger (copies of one "
                    + "reported through the platform, over the demo county's 59 institutions, one in four past its deadline): "
                    + "80 % waiting at 等待整改 with a deadline timer armed, 15 % completed, 5 % cancelled. Read over HTTP as the "
                    + "bureau section officer (`fuli`, the whole county), " + requests + " requests each, one at a time, after 20 "
                    + "warm-up requests; first as built, then with the engine's history grown by variable updates on the waiting "
                    + "instances. The embedded engine's incident scan runs as configured by default meanwhile. Targets (issue 22): "
                    + "list and detail p95 under 300 ms; the cost not growing with the history.\n\n" + table
                    + "\nHow: the list folds the records appended since its last read into the projection "
                    + "(`EmbeddedEngineInstances`), then filters the instances' summaries and joins the ledger's facts of the "
                    + "hazards they name, 500 ids a query; the detail reads one instance's state from the projection. "
                    + "Building the instances took the engine itself " + buildMinutes + " minutes: the test engine's in-memory "
                    + "state slows each element's completion as waiting instances accumulate (an engine limit, issue 24).\n";
            BenchmarkReport.writeSection(root.resolve("docs/benchmarks.md"), "console", report);
        }
        System.exit(0); // the engine's threads
    }

    /** one hazard reported through the platform, copied to {@code count} rows over the county's institutions */
    private static List<Long> hazards(ConfigurableApplicationContext app, JdbcTemplate jdbc, int count) throws Exception {
        PeopleService people = app.getBean(PeopleService.class);
        Actor inspector = people.findByUsername("inspector1").map(PeopleService::actorOf).orElseThrow();
        List<Map<String, Object>> institutions = jdbc.queryForList("select id, region_id, type from institution order by id");
        long template = app.getBean(HazardIntake.class).report(new HazardReport(((Number) institutions.getFirst().get("id")).longValue(),
                "消防通道堆放杂物", "一楼走廊", "GEN-FIRE", true, HazardSource.DEPARTMENT_CHECK, LocalDate.now()), inspector).getId();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (jdbc.queryForObject("select rectification_deadline from hazard where id = ?", java.sql.Date.class, template) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the template hazard was never graded");
            }
            Thread.sleep(100);
        }
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns where lower(table_name) = 'hazard'
                and lower(column_name) not in ('id', 'code', 'institution_id', 'region_id', 'institution_type',
                'rectification_deadline', 'process_instance_key')""", String.class);
        String copied = String.join(", ", columns);
        List<Object[]> rows = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < count; i++) {
            Map<String, Object> at = institutions.get(i % institutions.size());
            rows.add(new Object[]{"BENCH-%06d".formatted(i), at.get("id"), at.get("region_id"), at.get("type"),
                    java.sql.Date.valueOf(i % 4 == 0 ? today.minusDays(3) : today.plusDays(10 + i % 30))});
        }
        jdbc.batchUpdate("insert into hazard (code, institution_id, region_id, institution_type, rectification_deadline, "
                + copied + ") select ?, ?, ?, ?, ?, " + copied + " from hazard where id = " + template, rows);
        return jdbc.queryForList("select id from hazard where code like 'BENCH-%' order by id", Long.class);
    }

    /** a loop per hazard waiting at 等待整改 with its deadline timer; 15 % completed, 5 % cancelled */
    private static List<Long> instances(CamundaClient client, List<Long> hazards) {
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("ConsoleBenchLoop").name("控制台基准闭环")
                .startEvent("StartEvent_Bench").receiveTask("Task_AwaitRectification").name("等待整改")
                .message(m -> m.name("bench-rectified").zeebeCorrelationKeyExpression("=string(hazardId)"))
                .boundaryEvent("Event_Deadline").name("整改逾期").cancelActivity(false).timerWithDuration("P30D").endEvent("EndEvent_Late")
                .moveToActivity("Task_AwaitRectification").endEvent("EndEvent_Done").done(), "console-bench.bpmn").send().join();
        List<Long> keys = new ArrayList<>();
        for (long hazard : hazards) {
            keys.add(client.newCreateInstanceCommand().bpmnProcessId("ConsoleBenchLoop").latestVersion()
                    .variables(Map.of("hazardId", hazard)).send().join().getProcessInstanceKey());
        }
        int n = hazards.size();
        for (int i = n * 8 / 10; i < n * 95 / 100; i++) {
            client.newPublishMessageCommand().messageName("bench-rectified").correlationKey(Long.toString(hazards.get(i)))
                    .send().join();
        }
        for (int i = n * 95 / 100; i < n; i++) {
            client.newCancelInstanceCommand(keys.get(i)).send().join();
        }
        return keys;
    }

    /** the engine's history grown to {@code target} records by variable updates on running instances */
    private static void grow(CamundaClient client, ZeebeTestEngine engine, List<Long> running, long target) throws Exception {
        long tick = 0;
        while (records(engine) < target) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                sent.add(client.newSetVariablesCommand(running.get((int) (tick % running.size()))).variables(Map.of("tick", tick++))
                        .send());
            }
            for (java.util.concurrent.Future<?> one : sent) {
                one.get();
            }
            if (tick % 50_000 == 0) {
                System.out.printf(Locale.ROOT, "history: %,d records%n", records(engine));
            }
        }
        engine.waitForIdleState(Duration.ofMinutes(5));
    }

    private static long records(ZeebeTestEngine engine) {
        return ((java.util.Collection<?>) engine.getRecordStreamSource().getRecords()).size();
    }

    private static List<Double> time(ReportingDayBenchmark.Client client, ConcurrentLinkedQueue<ReportingDayBenchmark.Sample> samples,
                                     Read read, int requests) {
        for (int i = 0; i < 20; i++) {
            client.get("warm-up", read.path());
        }
        samples.clear();
        for (int i = 0; i < requests; i++) {
            client.get(read.name(), read.path());
        }
        List<Double> ms = samples.stream().filter(s -> s.kind().equals(read.name())).map(ReportingDayBenchmark.Sample::ms)
                .sorted().collect(Collectors.toCollection(ArrayList::new));
        Collections.sort(ms);
        return ms;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private ConsoleBenchmark() {
    }
}
