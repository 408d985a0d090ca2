package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.CivilSafetyApplication;
import com.civilsafety.engine.embedded.EngineRecycle;
import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.Campaigns;
import static com.civilsafety.app.testsupport.HazardSteps.complete;
import static com.civilsafety.app.testsupport.HazardSteps.report;
import static com.civilsafety.app.testsupport.HazardSteps.taskOf;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import com.civilsafety.ledger.notification.NotificationRelay;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Restarting the platform on the embedded engine, which forgets its state when it stops — first by the daily recycle
 * ({@link EngineRecycle}: the platform starts itself again in its process), then by a start of its own: with hazards waiting at several
 * steps of their loop, a whistleblower report in triage and a campaign running, every instance is rebuilt from the ledger at the same step with the same
 * timers armed at the same dates, nothing in the ledger is lost or written twice, and the rebuilt instances run on
 * (a task completed after the restart moves its hazard on). A second restart rebuilds the rebuilt instances, and a
 * task completed in the ledger whose completion the stopped engine never acted on is acted on.
 */
class ProcessRebuildTest {
    private static final String DATABASE = "jdbc:h2:mem:process-rebuild;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** what a rebuild must neither lose nor write twice — a notice among them: a rebuilt instance notifies no one again */
    private static final List<String> LEDGER_TABLES = List.of("inbox_task", "campaign_work", "ledger_event",
            "hazard_status_change", "hazard_escalation", "hazard", "whistleblower_report", "notification");

    @Test
    void aRestartRebuildsEveryOpenHazardAndTheRunningCampaignWhereTheyWaited() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, Long> hazards = new LinkedHashMap<>();
        long campaign;
        Map<String, Object> before;
        Map<String, Long> counts;
        ConfigurableApplicationContext first = start();
        String firstEpoch = first.getEnvironment().getProperty("civil-safety.engine.epoch");
        try {
            Api api = api(first);
            long institution = api.get("inst001", "/api/institutions").body().path("items").get(0).path("id").asLong();
            hazards.put("assigning", report(api, institution));
            hazards.put("rectifying", report(api, institution));
            hazards.put("verifying", report(api, institution));
            hazards.put("recheck", report(api, institution));
            hazards.put("extension", report(api, institution));
            for (String stage : List.of("rectifying", "verifying", "recheck", "extension")) {
                complete(api, "town1", hazards.get(stage), "ASSIGNMENT", """
                        {"responsibleUnit": "安澜县社会福利中心", "responsiblePerson": "李建国", "measures": "清理通道，加装防火门",
                         "funds": 5000, "deadline": "%s", "temporaryControls": "专人值守通道"}""".formatted(today.plusDays(6)));
            }
            for (String stage : List.of("verifying", "recheck")) {
                complete(api, "inst001", hazards.get(stage), "RECTIFICATION", """
                        {"measures": "清理杂物，张贴禁止堆放标识", "responsiblePerson": "王建国", "funds": 1200.50,
                         "completedOn": "%s", "evidence": "整改前后照片各2张"}""".formatted(today));
            }
            complete(api, "inspector1", hazards.get("recheck"), "VERIFICATION", "{\"passed\": true, \"opinion\": \"现场核查已整改到位\"}");
            taskOf(api, "inst001", hazards.get("extension"), "RECTIFICATION");
            assertThat(api.post("inst001", "/api/hazards/" + hazards.get("extension") + "/extension-requests", """
                    {"requestedDeadline": "%s", "reason": "防火门需定制，供货周期长"}""".formatted(today.plusDays(20))).status()).isEqualTo(201);
            taskOf(api, "fuli", hazards.get("extension"), "EXTENSION");
            taskOf(api, "town1", hazards.get("assigning"), "ASSIGNMENT");
            Api.Reply tip = api.bearer(null, org.springframework.http.HttpMethod.POST, "/api/public/whistleblower-reports", """
                    {"institutionId": %d, "description": "夜间值班人员经常脱岗", "location": "值班室", "reporterKind": "STAFF"}"""
                    .formatted(institution));
            assertThat(tip.status()).as(tip.body().toString()).isEqualTo(201);
            String code = tip.body().path("trackingCode").asText();
            hazards.put("report:whistleblower", first.getBean(JdbcTemplate.class).queryForObject(
                    "select id from whistleblower_report where tracking_code = ?", Long.class, code));
            taskOf(api, "fuli", hazards.get("report:whistleblower"), "WHISTLEBLOWER_VERIFICATION");
            await().atMost(SETTLE).until(() -> hazardStatus(api, hazards.get("recheck")).equals("CLOSED"));

            campaign = Campaigns.deploy(api, "\"ELDERLY_CARE\"", new Campaigns.Phase("MOBILISATION", today, today.plusDays(2)),
                    new Campaigns.Phase("SELF_CHECK", today.plusDays(3), today.plusDays(20)));
            await().atMost(SETTLE).until(() -> waiting(api, campaign).stream()
                    .anyMatch(w -> w.startsWith("campaign-phase 1 [Gateway_AwaitEnd]")));

            before = await().atMost(SETTLE).until(() -> engineState(first, api, hazards, campaign),
                    state -> state.equals(engineState(first, api, hazards, campaign)));
            assertThat(((Map<?, ?>) before.get("assigning")).toString()).contains("Task_AwaitAssignment");
            assertThat(((Map<?, ?>) before.get("rectifying")).toString()).contains("Task_AwaitRectification", "Event_DeadlinePassed");
            assertThat(((Map<?, ?>) before.get("verifying")).toString()).contains("Task_AwaitVerification");
            assertThat(((Map<?, ?>) before.get("recheck")).toString()).contains("Event_RecheckDue");
            assertThat(((Map<?, ?>) before.get("extension")).toString()).contains("Task_AwaitExtensionDecision");
            assertThat(((Map<?, ?>) before.get("report:whistleblower")).toString()).contains("Task_AwaitVerification");
            counts = counts(first);
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }

        // the daily recycle: the platform starts itself again in this process, on a fresh engine
        ConfigurableApplicationContext recycled = first.getBean(EngineRecycle.class).recycle().get(2, TimeUnit.MINUTES);
        assertThat(first.isActive()).as("the old platform closed").isFalse();
        assertThat(recycled.getEnvironment().getProperty("civil-safety.engine.epoch")).as("a new engine").isNotEqualTo(firstEpoch);
        try (ConfigurableApplicationContext second = recycled) {
            Api api = api(second);
            Map<String, Object> after = await().atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                    .until(() -> engineState(second, api, hazards, campaign), before::equals);
            assertThat(after).isEqualTo(before);
            assertThat(counts(second)).as("nothing lost, nothing written twice").isEqualTo(counts);

            // the rebuilt instance hears the task completed after the restart, and runs on
            complete(api, "inst001", hazards.get("rectifying"), "RECTIFICATION", """
                    {"measures": "清理杂物，张贴禁止堆放标识", "responsiblePerson": "王建国", "funds": 800,
                     "completedOn": "%s", "evidence": "整改后照片"}""".formatted(today));
            taskOf(api, "inspector1", hazards.get("rectifying"), "VERIFICATION");
            before = await().atMost(SETTLE).until(() -> engineState(second, api, hazards, campaign),
                    state -> state.equals(engineState(second, api, hazards, campaign)));
            assertThat(((Map<?, ?>) before.get("rectifying")).toString()).contains("Task_AwaitVerification");
            counts = counts(second);

            // the township's assignment is committed in the ledger, but the platform stops before its engine hears of it
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            long assignment = taskOf(api, "town1", hazards.get("assigning"), "ASSIGNMENT");
            jdbc.update("""
                    update inbox_task set status = 'COMPLETED', completed_at = current_timestamp,
                      completed_by = (select id from person where username = 'town1'), result = ? where id = ?""", """
                    {"responsibleUnit": "安澜县社会福利中心", "responsiblePerson": "李建国", "measures": "清理通道",
                     "funds": 5000, "deadline": "%s", "temporaryControls": "专人值守通道"}""".formatted(today.plusDays(6)), assignment);
        }

        // a rebuilt instance is rebuilt again: its variables were recorded with it; the assignment the lost engine never
        // heard of is recorded now, and the institution gets its rectification task
        try (ConfigurableApplicationContext third = start()) {
            Api api = api(third);
            Map<String, Object> expected = new TreeMap<>(before);
            expected.remove("assigning");
            Map<String, Object> after = await().atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                    .until(() -> engineState(third, api, hazards, campaign), state -> {
                        Map<String, Object> rest = new TreeMap<>(state);
                        Object assigning = rest.remove("assigning");
                        return rest.equals(expected) && assigning.toString().contains("Task_AwaitRectification");
                    });
            assertThat(((Map<?, ?>) after.get("assigning")).toString()).contains("Event_DeadlinePassed");
            taskOf(api, "inst001", hazards.get("assigning"), "RECTIFICATION");
            counts.merge("inbox_task", 1L, Long::sum); // that rectification task, and nothing else
            assertThat(counts(third).get("inbox_task")).isEqualTo(counts.get("inbox_task"));
            // the administrator's action rebuilds only what the engine lacks: here nothing
            Api.Reply again = api.post("admin", "/api/admin/process-instances/rebuild", "{}");
            assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
            assertThat(again.body().path("hazards").asInt() + again.body().path("campaigns").asInt()).isZero();
            assertThat(again.body().path("alreadyRunning").asInt()).isEqualTo(7);
            assertThat(api.post("fuli", "/api/admin/process-instances/rebuild", "{}").status()).isEqualTo(403);
            assertThat(counts(third).get("inbox_task")).isEqualTo(counts.get("inbox_task"));
            complete(api, "inspector1", hazards.get("rectifying"), "VERIFICATION", "{\"passed\": true, \"opinion\": \"已整改到位\"}");
            await().atMost(SETTLE).until(() -> hazardStatus(api, hazards.get("rectifying")).equals("CLOSED"));
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CivilSafetyApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + DATABASE, "--civil-safety.engine.embedded.rebuild-on-start=true",
                "--civil-safety.demo-data.enabled=true");
    }

    private static Api api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    private static String hazardStatus(Api api, long hazard) {
        return api.get("inspector1", "/api/hazards/" + hazard).body().path("status").asText();
    }

    /** Each of the campaign's running instances as "model which [waits]", which by its phase, deliverable or month. */
    private static List<String> waiting(Api api, long campaign) {
        List<String> lines = new ArrayList<>();
        for (JsonNode i : api.get("fuli", "/api/campaigns/" + campaign + "/process").body().path("instances")) {
            List<String> waits = new ArrayList<>();
            i.path("waits").forEach(w -> waits.add(w.path("elementId").asText()));
            List<String> timers = new ArrayList<>();
            i.path("timers").forEach(t -> timers.add(t.path("elementId").asText() + "@" + t.path("dueAt").asText()));
            String which = i.path("variables").path("ordinal").asText(i.path("variables").path("deliverableId")
                    .asText(i.path("variables").path("reportMonth").asText("")));
            lines.add(i.path("model").asText() + " " + which + " " + waits.stream().sorted().toList() + " " + timers.stream().sorted().toList());
        }
        return lines.stream().sorted().toList();
    }

    /** What the engine holds for each hazard (where it waits, its timers) and for the campaign, without keys. */
    private static Map<String, Object> engineState(ConfigurableApplicationContext context, Api api, Map<String, Long> hazards,
                                                   long campaign) {
        EngineInstances engine = context.getBean(EngineInstances.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Map<String, Object> state = new TreeMap<>();
        hazards.forEach((stage, id) -> {
            String table = stage.startsWith("report:") ? "whistleblower_report" : "hazard";
            long key = jdbc.queryForObject("select process_instance_key from " + table + " where id = ?", Long.class, id);
            Map<String, Object> instance = new TreeMap<>();
            engine.family(key, List.of()).forEach(i -> {
                instance.put("waits", i.activeElements().stream().sorted().toList());
                instance.put("timers", i.timers().stream().map(t -> t.elementId() + "@" + t.dueAt()).sorted().toList());
            });
            state.put(stage, instance);
        });
        state.put("campaign", waiting(api, campaign));
        return state;
    }

    private static Map<String, Long> counts(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        context.getBean(NotificationRelay.class).tellRequested(); // the notices asked for, told
        Map<String, Long> counts = new TreeMap<>();
        LEDGER_TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
        return counts;
    }
}
