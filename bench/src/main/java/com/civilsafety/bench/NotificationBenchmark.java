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
 * of the 2,000 mails. Each manager has chosen e-mail and no quiet hours; the dispatcher runs as configured by default
 * (every 5 s, 100 a round). Targets: the step at most 20 % slower with the outbox; all delivered in under 60 s.
 * <p>
 * Run: {@code deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench exec:java
 * -Dexec.mainClass=com.civilsafety.bench.NotificationBenchmark} (options: -Dbench.institutions=2000,
 * -Dbench.repeats=3, -Dbench.databases=h2,mariadb).
 */
public final class NotificationBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    record Row(String database, boolean outbox, List<Double> stepSeconds, List<Double> deliverySeconds) {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.institutions", 2000);
        int repeats = Integer.getInteger("bench.repeats", 5);
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
                    List<Double> delivery = new ArrayList<>();
                    for (int i = 0; i <= repeats; i++) { // the first campaign warms the app up and is not counted
                        long campaign = campaignOpen(app, size);
                        if (outbox) {
                            awaitMails(smtp, (long) size * (2 * i + 1), Instant.now()); // the new tasks' mails first
                        }
                        System.gc(); // the step, not a collection of what came before
                        Thread.sleep(1000);
                        long started = System.nanoTime();
                        int reminded = remind(app, campaign);
                        double seconds = (System.nanoTime() - started) / 1e9;
                        if (reminded != size) {
                            throw new IllegalStateException(reminded + " of " + size + " reminded");
                        }
                        double delivered = outbox ? awaitMails(smtp, (long) size * (2 * i + 2), Instant.now()) : 0;
                        if (i > 0) {
                            step.add(seconds);
                            if (outbox) {
                                delivery.add(delivered);
                            }
                        }
                    }
                    Row row = new Row(database.label(), outbox, step, delivery);
                    System.out.printf(Locale.ROOT, "%-8s outbox %-5s: step %s s, delivered %s s (%d managers)%n", row.database(),
                            outbox, seconds(step), seconds(delivery), managers.size());
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

    /** The reminder step as its worker runs it: one transaction, the ledger's work and (if on) the outbox. */
    private static int remind(ConfigurableApplicationContext app, long campaign) {
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        CampaignRun run = app.getBean(CampaignRun.class);
        ProcessStep step = new ProcessStep(System.nanoTime(), 0, "Timer_PhaseReminder", "campaign-phase");
        return tx.execute(s -> run.remindPhase(campaign, 1, OffsetDateTime.now(), step).reminded());
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

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void write(Path file, List<Row> rows, int size, int repeats) throws IOException {
        StringBuilder s = new StringBuilder("## Notifications: a campaign-wide reminder to ").append(size).append(" institutions\n\n");
        s.append("What: a one-phase 机构自查 campaign over a generated county of ").append(size).append(" elderly-care homes, ")
                .append("each with a manager who chose e-mail and no quiet hours. The phase's reminder step (`campaign.remind-phase`: ")
                .append("the open self-checks marked reminded and, with the outbox on, every manager told) is timed in its ")
                .append("transaction, with `civil-safety.notification.enabled=false` (no outbox) and on; then the time from its ")
                .append("commit until the SMTP server (GreenMail, in the benchmark's process) holds all ").append(size)
                .append(" reminder mails, with the dispatcher as configured by default (every 5 s, 100 per round, 20 mails per SMTP ")
                .append("connection). Targets (issue 20): the step at most 20 % slower with the outbox; delivered in ")
                .append("under 60 s.\n\n");
        s.append(BenchmarkReport.context("deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench "
                + "exec:java -Dexec.mainClass=com.civilsafety.bench.NotificationBenchmark"));
        s.append("- ").append(repeats).append(" campaigns per row, one after another on the same app after one that warms it up ")
                .append("and is not counted (each campaign's ").append(size).append(" new-task mails are delivered before its ")
                .append("reminder); a fresh app and database per row\n\n");
        s.append("| database | outbox | step median s | step runs s | slower by | delivered median s | delivered runs s |\n")
                .append("|---|---|---:|---|---:|---:|---|\n");
        for (Row row : rows) {
            Row baseline = rows.stream().filter(r -> r.database().equals(row.database()) && !r.outbox()).findFirst().orElseThrow();
            String slower = row.outbox() ? String.format(Locale.ROOT, "%+.0f %%", 100 * (median(row.stepSeconds()) / median(baseline.stepSeconds()) - 1)) : "";
            s.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %s | %s | %s | %s |%n", row.database(), row.outbox() ? "on" : "off",
                    median(row.stepSeconds()), seconds(row.stepSeconds()), slower,
                    row.deliverySeconds().isEmpty() ? "" : String.format(Locale.ROOT, "%.1f", median(row.deliverySeconds())),
                    seconds(row.deliverySeconds())));
        }
        BenchmarkReport.writeSection(file, "notification-reminder", s.toString());
    }

    private NotificationBenchmark() {
    }
}
