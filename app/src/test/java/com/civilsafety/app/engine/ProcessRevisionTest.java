package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.Campaigns;
import com.civilsafety.app.testsupport.EngineTime;
import com.civilsafety.ledger.common.LedgerTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Revising a running campaign's schedule. Moving a deadline is ledger data (docs/adr/0002): the reschedule re-arms
 * the armed timer. Changing the model is a deployment: refused with its findings when the check fails, otherwise the
 * next revision; the running phase instances move to it with the mapping the plan proposes, the changed timer armed
 * afresh by its new definition, the others keeping their dates — as the engine itself holds them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:process-revision;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@DirtiesContext // its clock runs ahead, and it deploys a revision
@Import(EngineTime.AsClock.class)
class ProcessRevisionTest {
    private static final String REMINDER = "=date and time(remindAt)</";
    private static final String LATER_REMINDER = "=date and time(remindAt) + duration(\"PT2H\")</";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    EngineTime time;
    @Autowired
    ObjectMapper json;

    @Test
    void aDeadlineMovesByRescheduleAndARevisedModelReachesTheRunningInstances() throws Exception {
        Api api = new Api(rest);
        LocalDate today = time.today();
        long campaign = campaignInSelfCheck(api, today);

        JsonNode phase = selfCheckInstance(api, campaign);
        assertThat(phase.path("version").asInt()).isEqualTo(1);
        assertThat(texts(phase.path("waits"), "elementId")).contains("Gateway_AwaitEnd");
        assertThat(texts(phase.path("path"), "elementId")).as("the steps it took").containsSubsequence("Task_ReadPhaseDates", "Task_OpenPhase");
        assertThat(texts(phase.path("path"), "name")).contains("部署本阶段工作");
        assertThat(timer(phase, "Event_PhaseEnds")).as("the engine's timer is the ledger's end date")
                .isEqualTo(endOf(today.plusDays(19)));

        // 调整阶段时间: the ledger's date moves, the engine re-arms the timer
        Api.Reply moved = api.post("fuli", "/api/campaigns/" + campaign + "/phases/2/reschedule", """
                {"startsOn": "%s", "endsOn": "%s", "reason": "部分机构整改任务重，延长自查期"}""".formatted(today.plusDays(1), today.plusDays(25)));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                endOf(today.plusDays(25)).equals(timer(selfCheckInstance(api, campaign), "Event_PhaseEnds")));
        Instant reminder = timer(selfCheckInstance(api, campaign), "Event_ReminderDue");
        assertThat(reminder).as("a week before the new end").isBefore(endOf(today.plusDays(19)));
        // the dates on the model's timers, as the modeler shows them: the self-check's end, named, with where to move it
        JsonNode armedTimers = api.get("admin", "/api/process-models/campaign-phase/timers").body();
        assertThat(armedTimers.path("engineView").asBoolean()).isTrue();
        JsonNode phaseEnd = StreamSupport.stream(armedTimers.path("timers").spliterator(), false)
                .filter(t -> t.path("elementId").asText().equals("Event_PhaseEnds")).findFirst().orElseThrow();
        assertThat(Instant.parse(phaseEnd.path("dueAt").asText())).isEqualTo(endOf(today.plusDays(25)));
        assertThat(phaseEnd.path("name").asText()).isEqualTo("阶段截止");
        assertThat(phaseEnd.path("subject").asText()).startsWith("消防安全专项排查整治 · ");
        assertThat(phaseEnd.path("campaignId").asLong()).isEqualTo(campaign);
        assertThat(phaseEnd.path("phaseOrdinal").asInt()).isEqualTo(2);
        assertThat(api.get("fuli", "/api/process-models/campaign-phase/timers").status()).isEqualTo(403);

        String shipped = model(api);
        // a broken edit is refused with its element, and nothing is deployed
        Api.Reply broken = deploy(api, "admin", shipped.replace("=date and time(endsAt)", "=date and time(endsAt"), "提醒时间调整");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(texts(broken.body().path("findings"), "elementId")).contains("Event_PhaseEnds");
        assertThat(api.get("admin", "/api/process-models/campaign-phase/deployments").body()).isEmpty();
        assertThat(deploy(api, "fuli", shipped.replace(REMINDER, LATER_REMINDER), "提醒时间调整").status())
                .as("only the county administrator deploys").isEqualTo(403);
        assertThat(deploy(api, "admin", shipped.replace(REMINDER, LATER_REMINDER), " ").fieldErrors().get(0).path("field").asText())
                .isEqualTo("comment");
        assertThat(deploy(api, "admin", shipped, "原样").fieldErrors().get(0).path("message").asText()).contains("相同");

        Api.Reply deployed = deploy(api, "admin", shipped.replace(REMINDER, LATER_REMINDER), "提醒时间推后两小时，避开早交班");
        assertThat(deployed.status()).as(deployed.body().toString()).isEqualTo(201);
        assertThat(deployed.body().path("revision").asInt()).isEqualTo(2);
        assertThat(deployed.body().path("engineVersion").asInt()).isEqualTo(2);
        assertThat(model(api)).contains(LATER_REMINDER);
        assertThat(api.get("admin", "/api/process-models/campaign-phase/deployments").body().get(0).path("comment").asText())
                .isEqualTo("提醒时间推后两小时，避开早交班");
        assertThat(selfCheckInstance(api, campaign).path("version").asInt()).as("not moved until migrated").isEqualTo(1);

        JsonNode plan = api.get("admin", "/api/process-models/campaign-phase/migration-plan").body();
        Map<String, String> actions = new LinkedHashMap<>();
        plan.path("mapping").forEach(r -> actions.put(r.path("elementId").asText(), r.path("action").asText()));
        assertThat(actions).containsEntry("Event_ReminderDue", "REARM").containsEntry("Event_PhaseEnds", "MAP")
                .containsEntry("Gateway_AwaitEnd", "MAP");
        assertThat(plan.path("instances").asInt()).as("the mobilisation's (ended) and the self-check's").isEqualTo(2);
        // the preview: the running self-check named by its campaign and phase, each timer's date before and after
        JsonNode preview = plan.path("sources").get(0).path("running");
        assertThat(plan.path("engineView").asBoolean()).isTrue();
        assertThat(preview).as("the ended mobilisation is not previewed").hasSize(1);
        assertThat(preview.get(0).path("subject").asText()).startsWith("消防安全专项排查整治 · ");
        assertThat(preview.get(0).path("blocked").isNull()).isTrue();
        assertThat(previewed(preview.get(0), "before")).containsEntry("提醒日", reminder);
        Map<String, Instant> previewedAfter = previewed(preview.get(0), "after");
        assertThat(previewedAfter).as("re-armed by the new definition; the deadline kept")
                .containsEntry("提醒日", reminder.plus(Duration.ofHours(2)))
                .containsEntry("阶段截止", endOf(today.plusDays(25)));
        Map<String, String> confirmed = new LinkedHashMap<>();
        actions.forEach((id, action) -> {
            if (action.equals("MAP")) {
                confirmed.put(id, id);
            }
        });
        Api.Reply migrated = api.post("admin", "/api/process-models/campaign-phase/migrations",
                json.writeValueAsString(Map.of("mapping", confirmed)));
        assertThat(migrated.status()).as(migrated.body().toString()).isEqualTo(200);
        assertThat(migrated.body().path("migrated").asInt()).isEqualTo(1);
        assertThat(migrated.body().path("ended").asInt()).isEqualTo(1);
        assertThat(migrated.body().path("rejected")).isEmpty();

        JsonNode after = selfCheckInstance(api, campaign);
        assertThat(after.path("version").asInt()).isEqualTo(2);
        assertThat(armed(after)).as("the engine armed what the preview showed").isEqualTo(previewedAfter);
        assertThat(timer(after, "Event_ReminderDue")).as("armed afresh by the new definition").isEqualTo(reminder.plus(Duration.ofHours(2)));
        assertThat(timer(after, "Event_PhaseEnds")).as("a mapped timer keeps its date").isEqualTo(endOf(today.plusDays(25)));

        // the migrated instance runs on: its reminder fires at the new time and the worker records it
        time.passTo(reminder.plus(Duration.ofHours(2)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Optional<Instant> next = Optional.ofNullable(selfCheckInstance(api, campaign)).map(p -> timer(p, "Event_ReminderDue"));
            return next.isPresent() && next.get().isAfter(reminder.plus(Duration.ofHours(2)));
        });

        Api.Reply wrongTarget = api.post("admin", "/api/process-models/campaign-phase/migrations",
                json.writeValueAsString(Map.of("mapping", Map.of("Gateway_AwaitEnd", "Gateway_Nowhere"))));
        assertThat(wrongTarget.status()).isEqualTo(400);
        assertThat(wrongTarget.fieldErrors().get(0).path("field").asText()).isEqualTo("mapping.Gateway_AwaitEnd");

        // instances on different revisions (D8): the first campaign stays on revision 2 while revision 3 is deployed, a
        // second campaign starts on 3, then revision 4 comes; each instance moves from the revision it is on
        assertThat(deploy(api, "admin", shipped.replace(REMINDER, reminderLater(3)), "提醒时间推后三小时").status()).isEqualTo(201);
        long second = campaignInSelfCheck(api, time.today());
        assertThat(selfCheckInstance(api, second).path("version").asInt()).isEqualTo(3);
        Instant firstBefore = timer(selfCheckInstance(api, campaign), "Event_ReminderDue");
        Instant secondBefore = timer(selfCheckInstance(api, second), "Event_ReminderDue");
        assertThat(deploy(api, "admin", shipped.replace(REMINDER, reminderLater(4)), "提醒时间推后四小时").status()).isEqualTo(201);
        JsonNode sources = api.get("admin", "/api/process-models/campaign-phase/migration-plan").body().path("sources");
        assertThat(texts(sources, "revision")).as("newest first").containsExactly("3", "2", "1");
        assertThat(texts(sources, "instances")).as("the second campaign's two phases; the first's self-check; its mobilisation, "
                + "ended before the first move").containsExactly("2", "1", "1");
        Map<String, Map<String, String>> mappings = proposedMappings(sources);
        Api.Reply partial = api.post("admin", "/api/process-models/campaign-phase/migrations",
                json.writeValueAsString(Map.of("mappings", Map.of("3", mappings.get("3")))));
        assertThat(partial.status()).as("a revision whose mapping was not confirmed").isEqualTo(409);
        assertThat(partial.detail()).contains("第 2 版");
        assertThat(selfCheckInstance(api, second).path("version").asInt()).as("nothing moved").isEqualTo(3);
        // the administrator chooses which instances move: the first campaign's self-check now, the second's later
        long firstKey = selfCheckInstance(api, campaign).path("processInstanceKey").asLong();
        Api.Reply one = api.post("admin", "/api/process-models/campaign-phase/migrations",
                json.writeValueAsString(Map.of("mappings", mappings, "instances", List.of(firstKey))));
        assertThat(one.status()).as(one.body().toString()).isEqualTo(200);
        assertThat(one.body().path("migrated").asInt()).isEqualTo(1);
        assertThat(one.body().path("skipped").asInt()).as("the second campaign's two, the first's ended mobilisation").isEqualTo(3);
        assertThat(selfCheckInstance(api, second).path("version").asInt()).as("not chosen: stays").isEqualTo(3);
        Api.Reply both = api.post("admin", "/api/process-models/campaign-phase/migrations", json.writeValueAsString(Map.of("mappings", mappings)));
        assertThat(both.status()).as(both.body().toString()).isEqualTo(200);
        assertThat(both.body().path("migrated").asInt()).as("the second self-check").isEqualTo(1);
        assertThat(both.body().path("rejected")).isEmpty();
        assertThat(selfCheckInstance(api, campaign).path("version").asInt()).isEqualTo(4);
        assertThat(selfCheckInstance(api, second).path("version").asInt()).isEqualTo(4);
        assertThat(timer(selfCheckInstance(api, campaign), "Event_ReminderDue")).as("two revisions back: armed by revision 4")
                .isEqualTo(firstBefore.plus(Duration.ofHours(2)));
        assertThat(timer(selfCheckInstance(api, second), "Event_ReminderDue")).isEqualTo(secondBefore.plus(Duration.ofHours(1)));
        assertThat(api.get("admin", "/api/process-models/campaign-phase/migration-plan").body().path("sources"))
                .as("what ran on is on the current revision; what had ended stays listed").allSatisfy(source ->
                        assertThat(source.path("revision").asInt()).isLessThan(4));

        // rollback: the shipped model (revision 1) opened and deployed again as revision 5; the instances move back
        assertThat(model(api, 1)).isEqualTo(shipped);
        assertThat(model(api, 3)).contains(reminderLater(3));
        assertThat(api.get("admin", "/api/process-models/campaign-phase?revision=9").status()).isEqualTo(404);
        Api.Reply restored = deploy(api, "admin", model(api, 1), "恢复为第1版（平台出厂版本）");
        assertThat(restored.status()).as(restored.body().toString()).isEqualTo(201);
        assertThat(restored.body().path("revision").asInt()).isEqualTo(5);
        JsonNode back = api.get("admin", "/api/process-models/campaign-phase/migration-plan").body().path("sources");
        assertThat(texts(back, "revision")).startsWith("4");
        Map<String, Map<String, String>> backMappings = proposedMappings(back);
        assertThat(api.post("admin", "/api/process-models/campaign-phase/migrations",
                json.writeValueAsString(Map.of("mappings", backMappings))).body().path("migrated").asInt()).isEqualTo(2);
        assertThat(timer(selfCheckInstance(api, campaign), "Event_ReminderDue")).as("the shipped reminder again")
                .isEqualTo(firstBefore.minus(Duration.ofHours(2)));

        assertThat(api.get("fuli", "/api/process-models/campaign-phase/migration-plan").status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/process-models/campaign/migration-plan").status())
                .as("a model never revised has nothing to migrate").isEqualTo(409);
    }

    /** each source revision's proposal as confirmed: every element it maps, to the same id */
    private static Map<String, Map<String, String>> proposedMappings(JsonNode sources) {
        Map<String, Map<String, String>> mappings = new LinkedHashMap<>();
        sources.forEach(source -> {
            Map<String, String> pairs = new LinkedHashMap<>();
            source.path("mapping").forEach(r -> {
                if (r.path("action").asText().equals("MAP")) {
                    pairs.put(r.path("elementId").asText(), r.path("elementId").asText());
                }
            });
            mappings.put(source.path("revision").asText(), pairs);
        });
        return mappings;
    }

    private static String reminderLater(int hours) {
        return "=date and time(remindAt) + duration(\"PT" + hours + "H\")</";
    }

    /** A campaign whose self-check (ordinal 2, until today + 19) opened a day after today. */
    private long campaignInSelfCheck(Api api, LocalDate today) {
        long id = Campaigns.deploy(api, "\"ELDERLY_CARE\"", new Campaigns.Phase("MOBILISATION", today, today),
                new Campaigns.Phase("SELF_CHECK", today.plusDays(1), today.plusDays(19)));
        time.passTo(today.plusDays(1), LocalTime.of(10, 0));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode phase = selfCheckInstance(api, id);
            return phase != null && texts(phase.path("waits"), "elementId").contains("Gateway_AwaitEnd");
        });
        return id;
    }

    /** The running CampaignPhase instance of the self-check (ordinal 2), as the campaign's process view shows it. */
    private static JsonNode selfCheckInstance(Api api, long campaign) {
        JsonNode view = api.get("fuli", "/api/campaigns/" + campaign + "/process").body();
        assertThat(view.path("engineView").asBoolean()).isTrue();
        return StreamSupport.stream(view.path("instances").spliterator(), false)
                .filter(i -> i.path("model").asText().equals("campaign-phase") && "2".equals(i.path("variables").path("ordinal").asText()))
                .findFirst().orElse(null);
    }

    private static Instant timer(JsonNode instance, String elementId) {
        return StreamSupport.stream(instance.path("timers").spliterator(), false)
                .filter(t -> t.path("elementId").asText().equals(elementId))
                .map(t -> Instant.parse(t.path("dueAt").asText())).findFirst().orElse(null);
    }

    private static java.util.List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static Instant endOf(LocalDate day) {
        return LedgerTime.endOf(day);
    }

    private String model(Api api) {
        return xml("/api/process-models/campaign-phase");
    }

    private String model(Api api, int revision) {
        return xml("/api/process-models/campaign-phase?revision=" + revision);
    }

    private String xml(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", Api.PASSWORD);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
    }

    /** a previewed instance's timers by name, their dates before or after the move */
    private static Map<String, Instant> previewed(JsonNode instance, String when) {
        Map<String, Instant> dates = new LinkedHashMap<>();
        instance.path("timers").forEach(t -> {
            if (!t.path(when).isNull()) {
                dates.put(t.path("name").asText(), Instant.parse(t.path(when).asText()));
            }
        });
        return dates;
    }

    /** the timers the engine holds armed on an instance, by name */
    private static Map<String, Instant> armed(JsonNode instance) {
        Map<String, Instant> dates = new LinkedHashMap<>();
        instance.path("timers").forEach(t -> dates.put(t.path("name").asText(), Instant.parse(t.path("dueAt").asText())));
        return dates;
    }

    private Api.Reply deploy(Api api, String user, String xml, String comment) throws Exception {
        return api.post(user, "/api/process-models/campaign-phase/deployments",
                json.writeValueAsString(Map.of("bpmnXml", xml, "comment", comment)));
    }
}
