package com.civilsafety.bench;

import com.civilsafety.engine.campaign.CampaignLaunch;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.campaign.CampaignPlan;
import com.civilsafety.ledger.campaign.CampaignRun;
import com.civilsafety.ledger.campaign.PhaseKind;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.notification.NotificationPreferences;
import com.civilsafety.ledger.notification.Notifications;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.people.PersonRepository;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A campaign-wide reminder to 2,000 institutions (issue 20): the phase's reminder step ({@code campaign.remind-phase}:
 * the open self-checks marked reminded, and each institution's manager told) timed in its transaction with the
 * outbox off and on, and the time from its commit until the SMTP server (GreenMail, in this process) has every one
 * of the 2,000 mails — the relay's fan-out into notices and deliveries after the commit included. The same campaign
 * is reminded again and again, its day's reminder notices taken back before each run, so that the runs are many and
 * cheap and the commit's noise averages out. Each manager has chosen e-mail and no quiet hours; the dispatcher runs as configured by default
 * (every 5 s, 100 a round). Targets: the step at most 20 % slower with the outbox; all delivered in under 60 s.
 * <p>
 * Run: {@code deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench exec:java
 * -Dexec.mainClass=com.civilsafety.bench.NotificationBenchmark} (options: -Dbench.institutions=2000,
 * -Dbench.repeats=10, -Dbench.databases=h2,mariadb).
 */
public final class NotificationBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    record Row(String database, boolean outbox, List<Double> stepSeconds, List<Double> bodySeconds, List<Double> deliverySeconds) {
    }

    /** one run of the step: the whole transaction, and its body (the ledger's work and the outbox) before the commit */
    record Timed(int reminded, double seconds, double bodySeconds) {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.institutions", 2000);
        int repeats = Integer.getInteger("bench.repeats", 10);
        List<Databases> databases = Arrays.stream(System.getProperty("bench.databases", "h2,mariadb").split(","))
                .map(d -> Databases.valueOf(d.trim().toUpperCase(Locale.ROOT))).toList();
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        List<Row> rows = new ArrayList<>();
        for (Databases database : databases) {
            for (boolean outbox : List.of(false, true)) {
                GreenMail smtp = smtp();
                try (ConfigurableApplicationContext app = database.startApp(root, "--civil-safety.notification.enabled=" + outbox,
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort())) {
                    CampaignFanOutBenchmark.county(app, size);
                    List<Long> managers = managers(app);
                    List<Double> step = new ArrayList<>();
                    List<Double> body = new ArrayList<>();
                    List<Double> delivery = new ArrayList<>();
                    long campaign = campaignOpen(app, size);
                    if (outbox) {
                        awaitMails(smtp, size, Instant.now()); // the new tasks' mails first
                    }
                    for (int i = 0; i <= repeats; i++) { // the first reminder warms the app up and is not counted
                        rearm(app);
                        System.gc(); // the step, not a collection of what came before
                        Thread.sleep(3000); // and not the database's clean-up of what rearm deleted
                        Timed run = remind(app, campaign);
                        if (run.reminded() != size) {
                            throw new IllegalStateException(run.reminded() + " of " + size + " reminded");
                        }
                        double delivered = outbox ? awaitMails(smtp, (long) size * (i + 2), Instant.now()) : 0;
                        if (i > 0) {
                            step.add(run.seconds());
                            body.add(run.bodySeconds());
                            if (outbox) {
                                delivery.add(delivered);
                            }
                        }
                    }
                    Row row = new Row(database.label(), outbox, step, body, delivery);
                    System.out.printf(Locale.ROOT, "%-8s outbox %-5s: step %s s (body %s s), delivered %s s (%d managers)%n",
                            row.database(), outbox, seconds(step), seconds(body), seconds(delivery), managers.size());
                    rows.add(row);
                } finally {
                    smtp.stop();
                }
            }
        }
        write(root.resolve("docs/benchmarks.md"), rows, size, repeats);
        System.exit(0); // the engine's and the client's thread pools are not all daemons
    }

    /** A manager for every generated institution, each with e-mail chosen and no quiet hours. */
    private static List<Long> managers(ConfigurableApplicationContext app) {
        PersonRepository people = app.getBean(PersonRepository.class);
        Notifications notifications = app.getBean(Notifications.class);
        List<Person> made = new ArrayList<>();
        var institutions = app.getBean(com.civilsafety.ledger.institution.InstitutionRepository.class);
        for (var institution : institutions.findAll()) {
            if (institution.getCode().startsWith("BENCH")) {
                made.add(new Person("m" + institution.getCode().toLowerCase(Locale.ROOT), institution.getName() + "负责人", null,
                        "{noop}unused", institution.getRegion(), institution.getId(), Set.of(Role.INSTITUTION_MANAGER), Instant.now()));
            }
        }
        List<Long> ids = people.saveAll(made).stream().map(Person::getId).toList();
        for (Person p : made) {
            notifications.change(new Actor(p.getId(), p.getUsername(), p.getDisplayName(), Set.of(Role.INSTITUTION_MANAGER),
                    p.getRegion().getPath(), p.getInstitutionId()), new NotificationPreferences(p.getUsername() + "@bench.example.gov.cn",
                    true, null, false, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, false));
        }
        return ids;
    }

    /** A one-phase self-check campaign over the generated county, deployed and waited for until every self-check is open. */
    private static long campaignOpen(ConfigurableApplicationContext app, int size) throws InterruptedException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long county = jdbc.queryForObject("select id from region where code = '990199'", Long.class);
        Actor fuli = app.getBean(com.civilsafety.ledger.people.PeopleService.class).findByUsername("fuli")
                .map(com.civilsafety.ledger.people.PeopleService::actorOf).orElseThrow();
        Actor section = new Actor(fuli.personId(), "bench-section", "基准县业务股室", Set.of(Role.BUREAU_SECTION),
                jdbc.queryForObject("select path from region where id = ?", String.class, county), null);
        LocalDate today = LocalDate.now();
        CampaignPlan plan = new CampaignPlan("基准提醒行动", null, "基准县民政局", null, List.of(county),
                EnumSet.of(InstitutionType.ELDERLY_CARE),
                List.of(new CampaignPlan.Phase(PhaseKind.SELF_CHECK, null, today, today.plusDays(30))), List.of(), null, false);
        long id = app.getBean(CampaignLaunch.class).deploy(plan, section).campaign().getId();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (jdbc.queryForObject("select count(*) from campaign_work where campaign_id = ? and kind = 'SELF_CHECK' and task_id is not null",
                Long.class, id) < size) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("campaign " + id + " did not open its self-checks in " + TIMEOUT);
            }
            Thread.sleep(50);
        }
        return id;
    }

    /**
     * The same reminder again as if it were another day's: a phase reminds each open self-check once a day, so the
     * day's reminder notices (and their deliveries) are taken back before the next run tells everyone again.
     */
    private static void rearm(ConfigurableApplicationContext app) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        jdbc.update("delete from notification_delivery where notification_id in (select id from notification where cause_key like 'task-due:%')");
        jdbc.update("delete from notification where cause_key like 'task-due:%'");
    }

    /**
     * The reminder step as its worker runs it: one transaction, the ledger's work and (if on) the outbox, timed whole
     * and without its commit (where the ledger's changes are flushed and written to disk).
     */
    private static Timed remind(ConfigurableApplicationContext app, long campaign) {
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        CampaignRun run = app.getBean(CampaignRun.class);
        ProcessStep step = new ProcessStep(System.nanoTime(), 0, "Timer_PhaseReminder", "campaign-phase");
        long[] body = new long[1];
        long started = System.nanoTime();
        int reminded = tx.execute(s -> {
            long from = System.nanoTime();
            int n = run.remindPhase(campaign, 1, OffsetDateTime.now(), step).reminded();
            body[0] = System.nanoTime() - from;
            return n;
        });
        return new Timed(reminded, (System.nanoTime() - started) / 1e9, body[0] / 1e9);
    }

    /** Seconds from {@code since} until the SMTP server holds {@code count} messages in all. */
    private static double awaitMails(GreenMail smtp, long count, Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (smtp.getReceivedMessages().length < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(smtp.getReceivedMessages().length + " of " + count + " mails after " + TIMEOUT);
            }
            Thread.sleep(100);
        }
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static GreenMail smtp() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).collect(Collectors.joining(", "));
    }

    private static String slower(List<Double> with, List<Double> without) {
        return String.format(Locale.ROOT, "%+.0f %%", 100 * (median(with) / median(without) - 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void write(Path file, List<Row> rows, int size, int repeats) throws IOException {
        StringBuilder s = new StringBuilder("## Notifications: a campaign-wide reminder to ").append(size).append(" institutions\n\n");
        s.append("What: a one-phase 机构自查 campaign over a generated county of ").append(size).append(" elderly-care homes, ")
                .append("each with a manager who chose e-mail and no quiet hours. The phase's reminder step (`campaign.remind-phase`: ")
                .append("the open self-checks marked reminded and, with the outbox on, every manager's notice asked for: a few ")
                .append("request rows in the step's transaction) is timed in its transaction, with ")
                .append("`civil-safety.notification.enabled=false` (no outbox) and on; then the time from its commit until the ")
                .append("SMTP server (GreenMail, in the benchmark's process) holds all ").append(size)
                .append(" reminder mails — the relay's fan-out into ").append(size).append(" notices and deliveries after the commit, ")
                .append("and their sending — with the dispatcher as configured by default (every 5 s, 100 per round, 20 mails per SMTP ")
                .append("connection). Targets (issue 20): the step at most 20 % slower with the outbox; delivered in ")
                .append("under 60 s. The body is the step before its commit; the commit is where the ledger's 4,000 changed ")
                .append("rows (the self-checks and their tasks) are flushed, in JDBC batches of 50, and written to disk.\n\n");
        s.append(BenchmarkReport.context("deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench "
                + "exec:java -Dexec.mainClass=com.civilsafety.bench.NotificationBenchmark"));
        s.append("- ").append(repeats).append(" reminders per row of one campaign, after one that warms the app up and is not ")
                .append("counted; before each, the day's reminder notices are taken back, so that each run tells everyone again ")
                .append("(the campaign's ").append(size).append(" new-task mails are delivered before the first); a fresh app and ")
                .append("database per row\n\n");
        s.append("| database | outbox | step median s | slower by | body median s | body slower by | step runs s | body runs s | ")
                .append("delivered median s | delivered runs s |\n")
                .append("|---|---|---:|---:|---:|---:|---|---|---:|---|\n");
        for (Row row : rows) {
            Row baseline = rows.stream().filter(r -> r.database().equals(row.database()) && !r.outbox()).findFirst().orElseThrow();
            s.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %s | %.3f | %s | %s | %s | %s | %s |%n", row.database(),
                    row.outbox() ? "on" : "off", median(row.stepSeconds()), row.outbox() ? slower(row.stepSeconds(), baseline.stepSeconds()) : "",
                    median(row.bodySeconds()), row.outbox() ? slower(row.bodySeconds(), baseline.bodySeconds()) : "",
                    seconds(row.stepSeconds()), seconds(row.bodySeconds()),
                    row.deliverySeconds().isEmpty() ? "" : String.format(Locale.ROOT, "%.1f", median(row.deliverySeconds())),
                    seconds(row.deliverySeconds())));
        }
        BenchmarkReport.writeSection(file, "notification-reminder", s.toString());
    }

    private NotificationBenchmark() {
    }
}
