package com.civilsafety.bench;

import com.civilsafety.engine.campaign.CampaignLaunch;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.campaign.CampaignPlan;
import com.civilsafety.ledger.campaign.PhaseKind;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.people.PeopleService;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time from deploying a campaign to every self-check of its institutions open in the ledger with its inbox task and
 * the phase's opening recorded: the fan-out of docs/adr/0001, through the app's engine, workers and ledger
 * in-process. A generated county of N institutions in 20 townships; targets (issue 4): 300 in under 10 s, 2,000 in
 * under 60 s on a 2-core machine with the embedded engine. Writes its section of docs/benchmarks.md.
 * <p>
 * Run: {@code deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench exec:java
 * -Dexec.mainClass=com.civilsafety.bench.CampaignFanOutBenchmark} (options: -Dbench.sizes=300,2000,
 * -Dbench.repeats=3, -Dbench.databases=h2,mariadb).
 */
public final class CampaignFanOutBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int TOWNSHIPS = 20;

    record Row(String database, int institutions, List<Double> seconds) {
        double median() {
            List<Double> sorted = seconds.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "300,2000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int repeats = Integer.getInteger("bench.repeats", 3);
        List<Databases> databases = Arrays.stream(System.getProperty("bench.databases", "h2,mariadb").split(","))
                .map(d -> Databases.valueOf(d.trim().toUpperCase(Locale.ROOT))).toList();
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        List<Row> rows = new ArrayList<>();
        for (Databases database : databases) {
            for (int size : sizes) {
                try (ConfigurableApplicationContext app = database.startApp(root)) {
                    Actor section = county(app, size);
                    List<Double> seconds = new ArrayList<>();
                    for (int i = 0; i < repeats; i++) {
                        seconds.add(fanOut(app, section, size));
                    }
                    Row row = new Row(database.label(), size, seconds);
                    System.out.printf(Locale.ROOT, "%-10s %5d institutions: %s s (median %.2f s)%n", row.database(), size,
                            seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).collect(Collectors.joining(", ")),
                            row.median());
                    rows.add(row);
                }
            }
        }
        write(root.resolve("docs/benchmarks.md"), rows, repeats);
        System.exit(0); // the engine's and the client's thread pools are not all daemons
    }

    /** A generated county (区划 990199) of N elderly-care homes; returns its bureau section as the campaign's creator. */
    static Actor county(ConfigurableApplicationContext app, int size) {
        RegionRepository regions = app.getBean(RegionRepository.class);
        InstitutionRepository institutions = app.getBean(InstitutionRepository.class);
        Region city = regions.findById(regions.findByCode("990121").orElseThrow().getParentId()).orElseThrow();
        Region county = regions.save(new Region("990199", "基准县", RegionLevel.COUNTY, city));
        List<Region> townships = new ArrayList<>();
        for (int t = 0; t < TOWNSHIPS; t++) {
            townships.add(regions.save(new Region("990199%03d".formatted(t), "基准镇" + t, RegionLevel.TOWNSHIP, county)));
        }
        List<Institution> generated = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            generated.add(new Institution("BENCH%05d".formatted(i), "基准养老院" + i, InstitutionType.ELDERLY_CARE,
                    townships.get(i % TOWNSHIPS), null, 50, Instant.now()));
        }
        institutions.saveAll(generated);
        Actor fuli = app.getBean(PeopleService.class).findByUsername("fuli").map(PeopleService::actorOf).orElseThrow();
        return new Actor(fuli.personId(), "bench-section", "基准县业务股室", Set.of(Role.BUREAU_SECTION), county.getPath(), null);
    }

    /** Seconds from deploying a one-phase self-check campaign to all its self-checks open and recorded. */
    private static double fanOut(ConfigurableApplicationContext app, Actor section, int size) throws InterruptedException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long county = jdbc.queryForObject("select id from region where code = '990199'", Long.class);
        LocalDate today = LocalDate.now();
        CampaignPlan plan = new CampaignPlan("基准自查行动", null, "基准县民政局", null, List.of(county),
                EnumSet.of(InstitutionType.ELDERLY_CARE),
                List.of(new CampaignPlan.Phase(PhaseKind.SELF_CHECK, null, today, today.plusDays(30))), List.of(), null, false);
        long started = System.nanoTime();
        long id = app.getBean(CampaignLaunch.class).deploy(plan, section).campaign().getId();
        long deadline = started + TIMEOUT.toNanos();
        while (true) {
            Long opened = jdbc.queryForObject("""
                    select count(*) from campaign_work w join inbox_task t on t.id = w.task_id
                    where w.campaign_id = ? and w.kind = 'SELF_CHECK' and t.status = 'OPEN'""", Long.class, id);
            Long recorded = jdbc.queryForObject("select count(*) from ledger_event where subject_type = 'CAMPAIGN' and subject_id = ? "
                    + "and type = 'CAMPAIGN_PHASE_OPENED'", Long.class, id);
            if (opened == size && recorded == 1) {
                return (System.nanoTime() - started) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("campaign " + id + ": " + opened + " of " + size + " self-checks after " + TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    private static void write(Path file, List<Row> rows, int repeats) throws IOException {
        StringBuilder s = new StringBuilder("## Campaign self-check fan-out\n\n");
        s.append("What: a campaign with one 机构自查 phase is deployed over a generated county of N elderly-care homes ")
                .append("(20 townships) through `CampaignLaunch` (ledger commit, then the engine instance); measured until ")
                .append("every institution's self-check row and its open inbox task are committed and the phase's ")
                .append("opening is in the event log. Path: Campaign → CampaignPhase (call activity) → phase dates → timer ")
                .append("→ `campaign.open-phase`, which opens all self-checks in one transaction with the job's record ")
                .append("(docs/adr/0001). Targets (issue 4): 300 in under 10 s, 2,000 in under 60 s.\n\n");
        s.append(BenchmarkReport.context("deploy/local/mariadb.sh start && mvn -q -DskipTests install && mvn -q -pl bench "
                + "exec:java -Dexec.mainClass=com.civilsafety.bench.CampaignFanOutBenchmark"));
        s.append("- ").append(repeats).append(" campaigns per row, one after another on the same app; a fresh app, engine ")
                .append("and database per row\n\n");
        s.append("| database | institutions | median s | all runs s | target s |\n|---|---:|---:|---|---:|\n");
        for (Row row : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %s | %d |%n", row.database(), row.institutions(), row.median(),
                    row.seconds().stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).collect(Collectors.joining(", ")),
                    row.institutions() <= 300 ? 10 : 60));
        }
        BenchmarkReport.writeSection(file, "campaign-fan-out", s.toString());
    }

    private CampaignFanOutBenchmark() {
    }
}
