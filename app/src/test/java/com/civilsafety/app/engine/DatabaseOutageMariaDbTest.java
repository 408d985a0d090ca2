package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.Campaigns;
import static com.civilsafety.app.testsupport.HazardSteps.complete;
import static com.civilsafety.app.testsupport.HazardSteps.report;
import static com.civilsafety.app.testsupport.HazardSteps.taskOf;
import com.civilsafety.app.testsupport.EngineTime;
import com.civilsafety.app.testsupport.MariaDbServer;
import com.civilsafety.ledger.testsupport.MariaDbDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away in the middle of a campaign (its MariaDB server is stopped) while the engine's timers fire:
 * a phase ends, the next one starts, rectification reminders fall due. The workers fail those jobs with back-off until
 * their retries run out and the engine raises incidents; people get a 503 that says nothing was saved. Nothing is
 * written while the database is away. When it is back, the incidents appear on 流程故障 (held until the ledger could
 * be written) and retrying them completes every affected step exactly once.
 *
 * <p>The server is the test's own ({@code deploy/local/mariadb.sh} on port 3317), so the shared one stays up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civil-safety.demo-data.enabled=true",
        // short waits, so that five attempts per job fit into a test
        "civil-safety.workers.retry-backoff.first=PT0.2S", "civil-safety.workers.retry-backoff.max=PT1S",
        "civil-safety.workers.incident-retry=PT1S",
        "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500"})
@ActiveProfiles("mysql")
@DirtiesContext // its engine has moved days ahead, and its database is the test's own
@Import(EngineTime.AsClock.class)
class DatabaseOutageMariaDbTest {
    private static final MariaDbServer SERVER = new MariaDbServer("3317", Path.of("/tmp/civil-safety-mariadb-outage"));
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final List<String> LEDGER_TABLES = List.of("processed_job", "inbox_task", "campaign_work",
            "campaign_phase", "ledger_event", "hazard_status_change", "hazard_escalation", "hazard", "operation_log");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EngineTime time;
    @Autowired
    ZeebeTestEngine engine;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (!MariaDbDatabase.skipped()) {
            SERVER.start();
        }
        MariaDbDatabase.register("app_outage", registry, SERVER.port());
    }

    @AfterAll
    static void stopServer() {
        if (!MariaDbDatabase.skipped()) {
            SERVER.stop();
        }
    }

    @Test
    void stepsThatFailWhileTheDatabaseIsAwayCompleteExactlyOnceWhenTheirIncidentsAreRetried() {
        Api api = new Api(rest);
        LocalDate today = time.today();
        long institution = api.get("inst001", "/api/institutions").body().path("items").get(0).path("id").asLong();
        List<Long> hazards = List.of(report(api, institution), report(api, institution));
        for (long hazard : hazards) {
            complete(api, "town1", hazard, "ASSIGNMENT", """
                    {"responsibleUnit": "安澜县社会福利中心", "responsiblePerson": "李建国", "measures": "清理通道，加装防火门",
                     "funds": 5000, "deadline": "%s", "temporaryControls": "专人值守通道"}""".formatted(today.plusDays(6)));
            taskOf(api, "inst001", hazard, "RECTIFICATION");
        }
        long campaign = Campaigns.deploy(api, "\"ELDERLY_CARE\"", new Campaigns.Phase("MOBILISATION", today, today.plusDays(2)),
                new Campaigns.Phase("SELF_CHECK", today.plusDays(3), today.plusDays(20)));
        await().atMost(SETTLE).until(() -> phaseStatus(campaign, "MOBILISATION").equals("OPEN"));
        settle();
        String session = signIn(rest, "inspector1");
        Map<String, Long> before = counts();
        long outageBegins = lastPosition();

        SERVER.stop();
        // people are told that nothing was saved, whether they sign in with each request or hold a session
        Api.Reply refused = api.post("inspector1", "/api/hazards", "{}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.detail()).contains("数据库暂时无法访问", "未保存");
        assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        ResponseEntity<String> withSession = rest.exchange("/api/tasks", HttpMethod.GET, new HttpEntity<>(cookie(session)), String.class);
        assertThat(withSession.getStatusCode().value()).isEqualTo(503);
        assertThat(withSession.getBody()).contains("数据库暂时无法访问");

        // mobilisation ends, self-check starts, the reminders fall due: every job fails until the engine raises an incident
        time.pass(Duration.ofDays(4).plusHours(12));
        Set<Long> failed = await().atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> jobsSince(outageBegins), jobs -> !jobs.isEmpty() && incidentsOf(jobs.keySet()).size() == jobs.size())
                .keySet();
        Map<Long, String> types = jobsSince(outageBegins);
        assertThat(types.values()).as("the steps the timers started").contains("hazard.remind", "campaign.remind-phase");
        assertThat(attemptsOf(failed)).as("each job tried as often as the model allows").allMatch(attempts -> attempts == 5);

        SERVER.start();
        await().atMost(SETTLE).ignoreExceptions().until(() -> jdbc.queryForObject("select 1", Integer.class) == 1);
        assertThat(counts()).as("nothing was written while the database was away").isEqualTo(before);
        assertThat(processed(failed)).isEmpty();
        // the incidents held while the ledger could not be written are listed now
        Map<Long, Long> incidentOfJob = await().atMost(SETTLE).until(() -> listedIncidents(api), listed -> listed.keySet().containsAll(failed));

        for (long job : failed) {
            Api.Reply retried = api.post("admin", "/api/admin/incidents/" + incidentOfJob.get(job) + "/retry", "");
            assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        }
        await().atMost(SETTLE).until(() -> completed(failed).containsAll(failed));
        settle();
        for (long job : failed) {
            assertThat(api.post("admin", "/api/admin/incidents/" + incidentOfJob.get(job) + "/retry", "").status())
                    .as("a retried incident is not retried twice").isEqualTo(409);
        }
        assertThat(processed(failed)).as("every affected step recorded exactly once").containsExactlyInAnyOrderElementsOf(failed);
        for (long hazard : hazards) {
            assertThat(jdbc.queryForObject("select count(*) from ledger_event where type = 'HAZARD_REMINDED' and subject_id = ?",
                    Long.class, hazard)).isEqualTo(1L);
        }
        // the phase waits for its reminder or its end (an event-based gateway): when the reminder was the step that
        // failed, the end's timer is due again only after the retried reminder completed, at the engine's next check
        await().atMost(SETTLE).until(() -> phaseStatus(campaign, "MOBILISATION").equals("CLOSED"));
        // the self-check's instance starts once the mobilisation's closing step completes: its jobs may not exist yet
        await().atMost(SETTLE).until(() -> phaseStatus(campaign, "SELF_CHECK").equals("OPEN"));
        settle();
        long selfCheckWork = jdbc.queryForObject("""
                select count(*) from campaign_work w join campaign_phase p on w.phase_id = p.id
                where p.campaign_id = ? and p.kind = 'SELF_CHECK'""", Long.class, campaign);
        long distinctSelfCheckWork = jdbc.queryForObject("""
                select count(distinct w.slot, w.kind, w.owner_key) from campaign_work w join campaign_phase p on w.phase_id = p.id
                where p.campaign_id = ? and p.kind = 'SELF_CHECK'""", Long.class, campaign);
        assertThat(selfCheckWork).as("the self-check's work handed out once").isPositive().isEqualTo(distinctSelfCheckWork);
        assertThat(api.get("admin", "/api/admin/incidents").body()).as("no incident left open").isEmpty();
    }

    /** A session of the web UI's sign-in (its cookie). */
    private static String signIn(TestRestTemplate rest, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> signedIn = rest.exchange("/api/session", HttpMethod.POST, new HttpEntity<>(
                "{\"username\": \"" + user + "\", \"password\": \"" + Api.PASSWORD + "\"}", headers), String.class);
        assertThat(signedIn.getStatusCode().value()).as(signedIn.getBody()).isEqualTo(200);
        return signedIn.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
    }

    private static HttpHeaders cookie(String session) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        return headers;
    }

    private String phaseStatus(long campaign, String kind) {
        return jdbc.queryForObject("select status from campaign_phase where campaign_id = ? and kind = ?", String.class,
                campaign, kind);
    }

    /** Every job the engine created so far has ended (completed or failed into an incident). */
    private void settle() {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(300)).until(() -> {
            Map<Long, String> jobs = jobsSince(-1);
            Set<Long> ended = new HashSet<>(completed(jobs.keySet()));
            ended.addAll(incidentsOf(jobs.keySet()));
            return ended.containsAll(jobs.keySet());
        });
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        LEDGER_TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
        return counts;
    }

    private Set<Long> processed(Set<Long> jobs) {
        String keys = jobs.stream().map(String::valueOf).collect(Collectors.joining(","));
        return new HashSet<>(jdbc.queryForList("select job_key from processed_job where job_key in (" + keys + ")", Long.class));
    }

    /** The open incidents on 流程故障: job key → incident id. */
    private static Map<Long, Long> listedIncidents(Api api) {
        Map<Long, Long> listed = new TreeMap<>();
        for (JsonNode incident : api.get("admin", "/api/admin/incidents").body()) {
            listed.put(incident.path("jobKey").asLong(), incident.path("id").asLong());
        }
        return listed;
    }

    private long lastPosition() {
        long last = -1;
        for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
            last = Math.max(last, record.getPosition());
        }
        return last;
    }

    /** Jobs the engine created after a position: key → type. */
    private Map<Long, String> jobsSince(long position) {
        Map<Long, String> jobs = new TreeMap<>();
        for (Record<?> record : events(ValueType.JOB)) {
            if (record.getPosition() > position && record.getIntent() == JobIntent.CREATED) {
                jobs.put(record.getKey(), ((JobRecordValue) record.getValue()).getType());
            }
        }
        return jobs;
    }

    private Set<Long> completed(Set<Long> jobs) {
        return events(ValueType.JOB).stream().filter(r -> r.getIntent() == JobIntent.COMPLETED && jobs.contains(r.getKey()))
                .map(Record::getKey).collect(Collectors.toSet());
    }

    private Set<Long> incidentsOf(Set<Long> jobs) {
        return events(ValueType.INCIDENT).stream().filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .map(r -> ((IncidentRecordValue) r.getValue()).getJobKey()).filter(jobs::contains).collect(Collectors.toSet());
    }

    /** How often each job was failed by a worker (a failure of the last retry raises the incident). */
    private List<Long> attemptsOf(Set<Long> jobs) {
        Map<Long, Long> failures = events(ValueType.JOB).stream()
                .filter(r -> r.getIntent() == JobIntent.FAILED && jobs.contains(r.getKey()))
                .collect(Collectors.groupingBy(Record::getKey, Collectors.counting()));
        return jobs.stream().map(job -> failures.getOrDefault(job, 0L)).toList();
    }

    private List<Record<?>> events(ValueType type) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == type).toList();
    }
}
