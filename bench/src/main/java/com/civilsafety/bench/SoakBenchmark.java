package com.civilsafety.bench;

import com.civilsafety.CivilSafetyApplication;
import com.civilsafety.engine.campaign.CampaignLaunch;
import com.civilsafety.engine.embedded.EngineRecycle;
import com.civilsafety.engine.hazard.ExtensionRequests;
import com.civilsafety.engine.hazard.HazardIntake;
import com.civilsafety.engine.inbox.TaskSubmission;
import com.civilsafety.engine.whistleblower.WhistleblowerIntake;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.campaign.CampaignPlan;
import com.civilsafety.ledger.campaign.PhaseKind;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.hazard.AssignmentForm;
import com.civilsafety.ledger.hazard.EmergencyMeasure;
import com.civilsafety.ledger.hazard.EmergencyMeasuresReport;
import com.civilsafety.ledger.hazard.ExtensionDecision;
import com.civilsafety.ledger.hazard.ExtensionRequest;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.hazard.OverdueExplanation;
import com.civilsafety.ledger.hazard.RecheckResult;
import com.civilsafety.ledger.hazard.RectificationReport;
import com.civilsafety.ledger.hazard.SupervisionAcceptance;
import com.civilsafety.ledger.hazard.VerificationResult;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskResult;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.people.PeopleService;
import com.civilsafety.ledger.whistleblower.ReportVerification;
import com.civilsafety.ledger.whistleblower.ReporterKind;
import com.civilsafety.ledger.whistleblower.WhistleblowerSubmission;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A county's year on the embedded default (issue 24): the demo county (59 institutions, 8 townships) runs a five-phase
 * campaign with monthly dispatch for a year, and about 1,000 hazards go through every path people take — 立查立改,
 * the general loop, 重大隐患 with 挂牌督办 and 紧急处置, overdue with reminders, escalation and 书面说明, extension
 * asked for and approved or refused, failed verification, 回头看 with and without rebound — plus a whistleblower report
 * every ten days, and the notices all of it sends. The ledger's and the engine's clocks move a day at a time
 * ({@link SoakClock}); each simulated month ends with an idle stretch of real time and the daily recycle of the
 * engine ({@link EngineRecycle}; a month of days' recycles, done once). Per month: the engine's records, the heap after
 * a full GC, the process's RSS and the p95 of three reads over HTTP. Nobody works the campaign's own forms (self-checks,
 * dispatch reports): they go late, and their reminders and follow-ups pile up as they would.
 * <p>
 * Run: {@code mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=com.civilsafety.bench.SoakBenchmark}
 * (options: -Dbench.months=12, -Dbench.hazards=1000, -Dbench.idle-seconds=30).
 */
public final class SoakBenchmark {
    private static final String COMMAND = "mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=com.civilsafety.bench.SoakBenchmark";
    private static final int DAYS_PER_MONTH = 30;
    private static final List<String> READS = List.of("/api/hazards?page=0&size=20", "/api/tasks", "/api/hazards/counts");

    record Month(int month, long hazards, long open, long records, long heapMb, long rssMb, List<Double> p95, double idleRecordsPerSecond,
                 long idleHeapDeltaMb, double recycleSeconds, long recordsAfter, long heapAfterMb, int refused) {
    }

    public static void main(String[] args) {
        Memory.runThenExit(SoakBenchmark::run);
    }

    private static void run() throws Exception {
        int months = Integer.getInteger("bench.months", 12);
        int hazardsPerYear = Integer.getInteger("bench.hazards", 1000);
        int idleSeconds = Integer.getInteger("bench.idle-seconds", 30);
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        String[] arguments = Databases.H2.appArguments(root, "--bench.movable-clock=true",
                // the recycle is the benchmark's, at each month's end: not at 03:30 of the real night
                "--civil-safety.engine.embedded.recycle.cron=-",
                "--civil-safety.clock.start=" + LocalDate.now(LedgerTime.ZONE).plusDays(1) + "T10:00");
        County county = new County(new SpringApplicationBuilder(CivilSafetyApplication.class).run(arguments));
        county.launchCampaign();
        List<Month> rows = new ArrayList<>();
        int day = 0;
        for (int month = 1; month <= months; month++) {
            for (int d = 0; d < DAYS_PER_MONTH; d++, day++) {
                int reports = (day + 1) * hazardsPerYear / 360 - day * hazardsPerYear / 360;
                county.workADay(day, reports);
                county.nextDay();
            }
            county.settle();
            List<Double> p95 = county.reads();
            Memory busy = Memory.now();
            long records = county.records();
            long idleFrom = county.records();
            long idleStart = System.nanoTime();
            Thread.sleep(idleSeconds * 1000L);
            double idleRate = (county.records() - idleFrom) / ((System.nanoTime() - idleStart) / 1e9);
            Memory idle = Memory.now();
            long recycling = System.nanoTime();
            county = county.recycled();
            double pause = (System.nanoTime() - recycling) / 1e9;
            county.settle();
            Memory after = Memory.now();
            Month row = new Month(month, county.count("select count(*) from hazard"),
                    county.count("select count(*) from hazard where status <> 'CLOSED'"), records, busy.heapMb(), busy.rssMb(), p95,
                    idleRate, idle.heapMb() - busy.heapMb(), pause, county.records(), after.heapMb(), county.refused);
            rows.add(row);
            System.out.println(row);
        }
        county.context.close();
        write(root.resolve("docs/benchmarks.md"), rows, idleSeconds, county.refusals);
    }

    /** The platform of the county, and what its people do on a working day. */
    private static final class County {
        final ConfigurableApplicationContext context;
        final JdbcTemplate jdbc;
        final ZeebeTestEngine engine;
        final SoakClock clock;
        final InboxService inbox;
        final TaskSubmission submission;
        final List<Actor> staff = new ArrayList<>();
        final Map<Long, Actor> managers = new HashMap<>();
        final Map<Long, InstitutionType> types = new HashMap<>();
        int refused;
        Map<String, Integer> refusals = new TreeMap<>();
        Set<Long> extended = new HashSet<>();
        Set<Long> failedOnce = new HashSet<>();

        County(ConfigurableApplicationContext context) {
            this.context = context;
            jdbc = context.getBean(JdbcTemplate.class);
            engine = context.getBean(ZeebeTestEngine.class);
            clock = context.getBean(SoakClock.class);
            inbox = context.getBean(InboxService.class);
            submission = context.getBean(TaskSubmission.class);
            PeopleService people = context.getBean(PeopleService.class);
            for (String username : List.of("fuli", "shishi", "leader", "inspector1", "inspector2", "inspector3", "inspector4",
                    "town1", "town2", "town3", "town4", "town5", "town6", "town7", "town8", "expert1", "thirdparty1")) {
                people.findByUsername(username).map(PeopleService::actorOf).ifPresent(staff::add);
            }
            for (int i = 1; i <= 99; i++) {
                people.findByUsername("inst%03d".formatted(i)).map(PeopleService::actorOf).ifPresent(m -> managers.put(m.institutionId(), m));
            }
            jdbc.query("select id, type from institution", rs -> {
                types.put(rs.getLong(1), InstitutionType.valueOf(rs.getString(2)));
            });
        }

        /** The same county after the engine's recycle: the platform's new context. */
        County recycled() throws Exception {
            ConfigurableApplicationContext fresh = context.getBean(EngineRecycle.class).recycle().get(5, TimeUnit.MINUTES);
            County next = new County(fresh);
            next.refused = refused;
            next.refusals = refusals;
            next.extended = extended;
            next.failedOnce = failedOnce;
            return next;
        }

        void launchCampaign() {
            Actor fuli = actor("fuli");
            long region = jdbc.queryForObject("select id from region where path = ?", Long.class, fuli.regionPath());
            LocalDate d = today();
            context.getBean(CampaignLaunch.class).deploy(new CampaignPlan("民政服务机构安全隐患排查整治专项行动（年度）", null, "安澜县民政局",
                    null, List.of(region), EnumSet.of(InstitutionType.ELDERLY_CARE), List.of(
                    new CampaignPlan.Phase(PhaseKind.MOBILISATION, null, d, d.plusDays(14)),
                    new CampaignPlan.Phase(PhaseKind.SELF_CHECK, null, d.plusDays(15), d.plusDays(90)),
                    new CampaignPlan.Phase(PhaseKind.DEPARTMENT_CHECK, null, d.plusDays(91), d.plusDays(180)),
                    new CampaignPlan.Phase(PhaseKind.SUPERVISION, null, d.plusDays(181), d.plusDays(300)),
                    new CampaignPlan.Phase(PhaseKind.SUMMARY, null, d.plusDays(301), d.plusDays(350))), List.of(), null, false), fuli);
        }

        /** A day's reports, a whistleblower's tip every ten days, and every open task someone acts on today. */
        void workADay(int day, int reports) {
            LocalDate today = today();
            HazardIntake intake = context.getBean(HazardIntake.class);
            List<Actor> institutions = new ArrayList<>(managers.values());
            institutions.sort((a, b) -> Long.compare(a.institutionId(), b.institutionId()));
            for (int r = 0; r < reports; r++) {
                int n = day * 7 + r;
                Actor manager = institutions.get(n % institutions.size());
                boolean major = n % 25 == 0 && types.get(manager.institutionId()) == InstitutionType.ELDERLY_CARE;
                boolean onSite = !major && n % 10 == 1;
                attempt("report", () -> intake.report(new HazardReport(manager.institutionId(), major ? "消防控制室无人值班" : "消防通道堆放杂物",
                        "一楼走廊", major ? "YL-4-1" : "GEN-FIRE", true, HazardSource.DEPARTMENT_CHECK, today, onSite,
                        onSite ? "当场清理杂物" : null), actor("inspector1")));
            }
            if (day % 10 == 5) {
                Actor at = institutions.get(day % institutions.size());
                attempt("whistleblower", () -> context.getBean(WhistleblowerIntake.class).submit(new WhistleblowerSubmission(
                        at.institutionId(), null, null, null, "夜间值班人员经常脱岗", "值班室", ReporterKind.STAFF, null, null)));
            }
            settle();
            List<Long> open = jdbc.queryForList("select id from inbox_task where status = 'OPEN' order by id", Long.class);
            for (InboxTask task : inbox.byIds(open).values()) {
                act(task, today);
            }
        }

        private void act(InboxTask task, LocalDate today) {
            long h = task.getSubjectId();
            TaskResult result = switch (task.getKind()) {
                case ASSIGNMENT -> new AssignmentForm("安澜县社会福利中心", "李建国", "清理杂物，加装防火门", null, deadline(h, today), "专人值守通道");
                case RECTIFICATION -> rectification(task, h, today);
                case VERIFICATION -> h % 7 == 5 && failedOnce.add(h)
                        ? new VerificationResult(false, "未整改到位，杂物仍有堆放", today.plusDays(5))
                        : new VerificationResult(true, "现场核查已整改到位", null);
                case RECHECK -> h % 7 == 6 ? new RecheckResult(true, "通道再次堆放杂物") : new RecheckResult(false, null);
                case EXTENSION -> h % 2 == 0 ? new ExtensionDecision(true, "同意延期", requested(h))
                        : new ExtensionDecision(false, "理由不充分，请按期整改", null);
                case EXPLANATION -> new OverdueExplanation("防火门定制供货延迟", "本周内完成安装");
                case SUPERVISION -> new SupervisionAcceptance("按期整改，每周报告进展");
                case EMERGENCY_MEASURES -> new EmergencyMeasuresReport(Set.of(EmergencyMeasure.CORDON_OFF), "已划定警戒区域并专人值守", today);
                case WHISTLEBLOWER_VERIFICATION -> h % 2 == 0
                        ? new ReportVerification(true, task.getInstitutionId(), "夜间值班记录缺失", "GEN-FIRE", true, null, today, "张明")
                        : new ReportVerification(false, task.getInstitutionId(), "调阅值班记录和监控，值班人员在岗", null, null, "现场核实值班正常", today, "张明");
                case NOTICE -> new com.civilsafety.ledger.campaign.NoticeAcknowledgement("王建国");
                default -> null; // the campaign's own forms: nobody works them here
            };
            if (result == null) {
                return;
            }
            Actor by = whoMay(task);
            if (by == null) {
                refusal("nobody may act on " + task.getKind() + ": " + InboxService.whyNotFor(task, actor("inspector1")));
                return;
            }
            attempt(task.getKind().name(), () -> submission.submit(task.getId(), by, result));
        }

        private TaskResult rectification(InboxTask task, long h, LocalDate today) {
            if (h % 7 == 3 && task.getDueAt() != null && !today.isAfter(LocalDate.ofInstant(task.getDueAt(), LedgerTime.ZONE).plusDays(3))) {
                return null; // goes overdue: reminded, escalated, explained
            }
            if (h % 7 == 4 && extended.add(h)) {
                Actor manager = managers.get(task.getInstitutionId());
                attempt("extension-request", () -> context.getBean(ExtensionRequests.class).request(h,
                        new ExtensionRequest(requested(h), "防火门需定制，供货周期长"), manager));
                return null;
            }
            if (count("select count(*) from inbox_task where status = 'OPEN' and kind = 'EXTENSION' and subject_id = " + h) > 0) {
                return null;
            }
            return new RectificationReport("清理杂物，张贴禁止堆放标识", "王建国", new BigDecimal("800"), today, "整改前后照片各2张");
        }

        private LocalDate deadline(long h, LocalDate today) {
            java.sql.Date graded = jdbc.queryForObject("select rectification_deadline from hazard where id = ?", java.sql.Date.class, h);
            return graded == null ? today.plusDays(3) : graded.toLocalDate();
        }

        private LocalDate requested(long h) {
            java.sql.Date graded = jdbc.queryForObject("select rectification_deadline from hazard where id = ?", java.sql.Date.class, h);
            return (graded == null ? today() : graded.toLocalDate()).plusDays(10);
        }

        private Actor whoMay(InboxTask task) {
            Actor manager = task.getInstitutionId() == null ? null : managers.get(task.getInstitutionId());
            if (manager != null && InboxService.whyNotFor(task, manager) == null) {
                return manager;
            }
            return staff.stream().filter(a -> InboxService.whyNotFor(task, a) == null).findFirst().orElse(null);
        }

        private void attempt(String what, Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                refusal(what + ": " + e.getMessage());
            }
        }

        private void refusal(String message) {
            refused++;
            refusals.merge(message.length() > 120 ? message.substring(0, 120) : message, 1, Integer::sum);
        }

        /** The next working morning: the engine fires what fell due overnight, and the workers record it. */
        void nextDay() {
            LocalDate tomorrow = today().plusDays(1);
            clock.pass(Duration.between(clock.instant(), tomorrow.atTime(LocalTime.of(10, 0)).atZone(LedgerTime.ZONE).toInstant()));
            settle();
        }

        /** Until the engine's record stream stops growing for half a second (its work and the workers' are done). */
        void settle() {
            long last = -1;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    engine.waitForIdleState(Duration.ofSeconds(30));
                } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("the engine did not settle", e);
                }
                sleep(500);
                long now = records();
                if (now == last) {
                    return;
                }
                last = now;
            }
        }

        List<Double> reads() {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            ConcurrentLinkedQueue<ReportingDayBenchmark.Sample> samples = new ConcurrentLinkedQueue<>();
            ReportingDayBenchmark.Client fuli = ReportingDayBenchmark.Client.signIn(base, "fuli", samples);
            List<Double> p95 = new ArrayList<>();
            for (String read : READS) {
                for (int i = 0; i < 10; i++) {
                    fuli.get("warm-up", read);
                }
                samples.clear();
                for (int i = 0; i < 40; i++) {
                    fuli.get(read, read);
                }
                List<Double> ms = samples.stream().map(ReportingDayBenchmark.Sample::ms).sorted().toList();
                p95.add(ms.get((int) Math.ceil(0.95 * ms.size()) - 1));
            }
            return p95;
        }

        long records() {
            return ((Collection<?>) engine.getRecordStreamSource().getRecords()).size();
        }

        long count(String sql) {
            return jdbc.queryForObject(sql, Long.class);
        }

        LocalDate today() {
            return LedgerTime.today(clock);
        }

        Actor actor(String username) {
            return staff.stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        }
    }


    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, List<Month> rows, int idleSeconds, Map<String, Integer> refusals) throws Exception {
        StringBuilder s = new StringBuilder("## A county's year on the embedded engine (soak)\n\n").append(BenchmarkReport.context(COMMAND));
        s.append("- JVM: default settings (max heap ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MB)\n\n");
        s.append("What: the demo county (59 institutions, 8 townships) through a simulated year, a day at a time on the "
                + "ledger's and the engine's clocks: a five-phase campaign with monthly dispatch, about 1,000 hazards over every "
                + "path (立查立改; the general loop; 重大隐患 with 挂牌督办 and 紧急处置; overdue, reminded, escalated and "
                + "explained; extension approved or refused; failed verification; 回头看 with and without rebound), a "
                + "whistleblower report every ten days, the notices all of it sends. Nobody works the campaign's own forms, "
                + "which go late and are followed up. Each month ends with " + idleSeconds + " s of real idle time and the "
                + "engine's recycle (the platform starts itself again in its process and rebuilds from the ledger; in "
                + "operation it runs every night at 03:30). Heap: after a full GC. p95 of 40 reads each over HTTP as 福利股 "
                + "(`fuli`): the hazard ledger's first page, the inbox, the ledger's counts.\n\n");
        s.append("| month | hazards | open | engine records | heap MB | RSS MB | p95 ledger ms | p95 inbox ms | p95 counts ms "
                + "| idle records/s | heap Δ idle MB | recycle s | records after | heap after MB |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Month m : rows) {
            s.append(String.format(Locale.ROOT, "| %d | %d | %d | %,d | %d | %d | %.0f | %.0f | %.0f | %.2f | %+d | %.1f | %,d | %d |%n",
                    m.month(), m.hazards(), m.open(), m.records(), m.heapMb(), m.rssMb(), m.p95().get(0), m.p95().get(1),
                    m.p95().get(2), m.idleRecordsPerSecond(), m.idleHeapDeltaMb(), m.recycleSeconds(), m.recordsAfter(), m.heapAfterMb()));
        }
        Map<String, Integer> shown = new LinkedHashMap<>();
        refusals.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8).forEach(e -> shown.put(e.getKey(), e.getValue()));
        s.append("\nSteps the platform refused (its rules, as people meet them): ").append(rows.isEmpty() ? 0 : rows.getLast().refused())
                .append(shown.isEmpty() ? "" : " — " + shown).append("\n");
        BenchmarkReport.writeSection(file, "soak", s.toString());
    }

    private SoakBenchmark() {
    }
}
