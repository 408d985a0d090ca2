package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.Campaigns;
import com.civilsafety.app.testsupport.EngineTime;
import com.civilsafety.app.testsupport.HazardSteps;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * 流程实例, the supervisor's console, against the engine's own records: a thousand instances of every kind and state
 * listed and counted as the engine ran them; a leader finding one township's overdue hazards waiting at 机构整改 and
 * seeing one's deadline timers and path; a section officer retrying incidents in one batch; cancellation refused for
 * what the ledger owes an outcome and recorded for the rest; bad filters refused with what is wrong. Its own database
 * and engine, and one clock for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:instance-console;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "civil-safety.engine.incident-scan=PT1S"})
@Import(EngineTime.AsClock.class)
@DirtiesContext // its engine holds thousands of instances' records and its clock runs days ahead: not kept for others
class ProcessInstanceConsoleTest {
    private static final String LIST = "/api/process-instances";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ZeebeTestEngine engine;
    @Autowired
    CamundaClient client;
    @Autowired
    EngineTime time;

    @Test
    void aThousandInstancesAreListedAndCountedAsTheEngineRanThem() throws Exception {
        Api api = new Api(rest);
        deployProbes();
        HazardSteps.reportAt(api, jdbc, "城关镇", 6);
        // the platform's other processes too: a campaign with its phases and a whistleblower's report in triage
        Campaigns.deploy(api, "\"ELDERLY_CARE\"", new Campaigns.Phase("MOBILISATION", time.today(), time.today().plusDays(3)),
                new Campaigns.Phase("SELF_CHECK", time.today().plusDays(4), time.today().plusDays(20)));
        assertThat(api.bearer(null, org.springframework.http.HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionId": %d, "description": "夜间值班人员脱岗", "reporterKind": "PUBLIC"}""".formatted(
                jdbc.queryForObject("select min(id) from institution", Long.class))).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from whistleblower_report where process_instance_key is not null", Long.class) > 0);
        List<Long> probes = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            probes.add(start("ConsoleProbe"));
        }
        for (int i = 0; i < 300; i++) {
            start("ConsoleQuick"); // completes at once
        }
        for (long key : probes.subList(0, 100)) {
            sent(() -> client.newCancelInstanceCommand(key).send());
        }
        // of the rest: 150 done with a score (completed), 150 without (the gateway stops with an incident)
        int worked = 0;
        while (worked < 300) {
            for (ActivatedJob job : sent(() -> client.newActivateJobsCommand().jobType("console.work").maxJobsToActivate(100).send()).getJobs()) {
                if (worked < 300 && !probes.subList(0, 100).contains(job.getProcessInstanceKey())) {
                    Map<String, Object> score = worked % 2 == 0 ? Map.of("score", 80) : Map.of();
                    sent(() -> client.newCompleteCommand(job).variables(score).send());
                    worked++;
                }
            }
        }
        engine.waitForIdleState(Duration.ofSeconds(30));

        Replay replay = new Replay(records());
        assertThat(replay.states.size()).as("a thousand instances and more").isGreaterThanOrEqualTo(1000);
        JsonNode all = list(api, "admin", "size=1");
        Map<String, Long> counts = Map.of("RUNNING", all.path("counts").path("running").asLong(),
                "INCIDENT", all.path("counts").path("incident").asLong(),
                "COMPLETED", all.path("counts").path("completed").asLong(),
                "CANCELLED", all.path("counts").path("cancelled").asLong());
        assertThat(counts).as("the counts per state: the engine's").isEqualTo(replay.counts(null));
        assertThat(all.path("total").asLong()).isEqualTo(replay.states.size());
        for (JsonNode process : all.path("processes")) {
            String id = process.path("value").asText();
            JsonNode of = list(api, "admin", "size=1&process=" + id);
            assertThat(of.path("total").asLong()).as("the instances of " + id).isEqualTo(replay.counts(id).values().stream()
                    .mapToLong(Long::longValue).sum() - replay.counts(id).get("INCIDENT"));
            assertThat(of.path("counts").path("incident").asLong()).isEqualTo(replay.counts(id).get("INCIDENT"));
        }
        assertThat(all.path("processes").findValuesAsText("label")).contains("隐患整改闭环", "控制台演练", "专项排查整治行动",
                "行动阶段", "举报核查处理");
        assertThat(list(api, "admin", "size=200&process=WhistleblowerTriage").path("items").findValuesAsText("subject"))
                .as("a report by staff's reference, never the reporter's tracking code")
                .allSatisfy(subject -> assertThat(subject).matches("举报 JB\\d{6}（.+）"));

        // every page of the running ones, newest first: the engine's running instances, each once
        Set<Long> running = new HashSet<>();
        Instant previous = null;
        for (int page = 0; ; page++) {
            JsonNode rows = list(api, "admin", "status=running&size=200&page=" + page).path("items");
            if (rows.isEmpty()) {
                break;
            }
            for (JsonNode row : rows) {
                assertThat(running.add(row.path("processInstanceKey").asLong())).isTrue();
                Instant started = Instant.parse(row.path("startedAt").asText());
                assertThat(previous == null || !started.isAfter(previous)).as("newest first").isTrue();
                previous = started;
            }
        }
        assertThat(running).isEqualTo(replay.keys("ACTIVE"));
        JsonNode incidents = list(api, "admin", "status=incident&size=200");
        assertThat(incidents.path("items").findValuesAsText("processInstanceKey").stream().map(Long::valueOf).collect(Collectors.toSet()))
                .isEqualTo(replay.withIncident());
        assertThat(StreamSupport.stream(incidents.path("items").get(0).path("steps").spliterator(), false).map(JsonNode::asText))
                .as("where an incident stopped it, by name").containsExactly("判断得分");

        // the leader sees the ledger's work only: the hazards, not the probes; a township officer not at all
        JsonNode leaders = list(api, "leader", "size=200&process=HazardRectification");
        assertThat(leaders.path("total").asLong()).isEqualTo(replay.counts("HazardRectification").get("RUNNING")
                + replay.counts("HazardRectification").get("COMPLETED") + replay.counts("HazardRectification").get("CANCELLED"));
        assertThat(list(api, "leader", "size=1").path("processes").findValuesAsText("value")).doesNotContain("ConsoleProbe");
        assertThat(api.get("town1", LIST).status()).isEqualTo(403);
        assertThat(api.get("inst001", LIST).status()).isEqualTo(403);
    }

    @Test
    void aLeaderFindsOneTownshipsOverdueHazardsWaitingForRectificationAndSeesOnesTimersAndPath() {
        Api api = new Api(rest);
        List<Long> here = HazardSteps.reportAt(api, jdbc, "东山镇", 4);
        List<Long> there = HazardSteps.reportAt(api, jdbc, "西河镇", 2);
        // three of here and both of there assigned a deadline three days on; one of here left at 五落实
        for (long hazard : ids(here.subList(0, 3), there)) {
            HazardSteps.assign(api, jdbc, hazard, time.today().plusDays(3));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                "select count(*) from hazard where status = 'RECTIFYING' and id in (" + inList(here, there) + ")", Long.class) == 5);
        time.pass(Duration.ofDays(5)); // their deadlines passed: overdue, escalated

        long hereRegion = region("东山镇");
        JsonNode found = await().atMost(Duration.ofSeconds(30)).until(() -> list(api, "leader",
                "regionId=" + hereRegion + "&overdue=true&step=机构整改&process=HazardRectification"),
                l -> l.path("total").asLong() == 3);
        Map<Long, Long> instanceOf = new HashMap<>();
        jdbc.query("select id, process_instance_key from hazard where id in (" + inList(here, there) + ")",
                rs -> { instanceOf.put(rs.getLong(2), rs.getLong(1)); });
        Set<Long> hazards = new HashSet<>();
        for (JsonNode row : found.path("items")) {
            hazards.add(instanceOf.get(row.path("processInstanceKey").asLong()));
            assertThat(row.path("about").path("township").asText()).isEqualTo("东山镇");
            assertThat(row.path("about").path("overdue").asBoolean()).isTrue();
            assertThat(row.path("subject").asText()).startsWith("隐患 ");
            assertThat(row.path("process").asText()).isEqualTo("隐患整改闭环");
        }
        assertThat(hazards).isEqualTo(Set.copyOf(here.subList(0, 3)));
        assertThat(list(api, "leader", "regionId=" + hereRegion + "&overdue=false&process=HazardRectification")
                .path("total").asLong()).as("the one at 五落实 is not overdue").isEqualTo(1);
        assertThat(list(api, "leader", "code=" + jdbc.queryForObject("select code from hazard where id = ?", String.class, there.get(0)))
                .path("total").asLong()).as("by hazard code").isEqualTo(1);

        // one of them: its timers with their dates, as the engine holds them, its path and its record's timeline
        long key = found.path("items").get(0).path("processInstanceKey").asLong();
        // the escalation is recorded by a worker while the timer that ran it is still being written: wait for the
        // engine's records and the console to agree (they are read at different moments)
        JsonNode detail = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("leader", LIST + "/" + key).body(),
                d -> d.path("timeline").findValuesAsText("what").contains("逾期升级督办") && timersOf(d).equals(engineTimers(key)));
        assertThat(timersOf(detail)).isNotEmpty().isEqualTo(engineTimers(key));
        assertThat(detail.path("timers").findValuesAsText("name")).contains("逾期未改");
        assertThat(detail.path("waits").findValuesAsText("name")).contains("机构整改", "等待机构整改");
        assertThat(StreamSupport.stream(detail.path("path").spliterator(), false).map(JsonNode::asText))
                .containsSubsequence("Task_GradeHazard", "Task_RecordGrading", "Task_OpenAssignmentTask", "Task_OpenRectificationTask");
        assertThat(detail.path("diagram").asText()).contains("HazardRectification");
        assertThat(detail.path("timeline").findValuesAsText("what")).contains("隐患上报", "逾期升级督办");
        assertThat(detail.path("instance").path("about").path("deadline").asText()).isNotBlank();
        assertThat(api.get("leader", LIST + "/987654321").status()).isEqualTo(404);

        // 定级依据: the decision taken for that hazard — its facts, the rule that matched, what it decided — in words
        long hazard = instanceOf.get(key);
        JsonNode decisions = api.get("leader", "/api/hazards/" + hazard + "/grading-decisions").body();
        assertThat(decisions).hasSize(1);
        JsonNode decision = decisions.get(0);
        Map<String, String> inputs = facts(decision.path("inputs"));
        Map<String, String> outputs = facts(decision.path("outputs"));
        assertThat(inputs).containsEntry("判定依据为重大隐患", "否").containsEntry("服务对象暴露于风险", "是")
                .containsEntry("隐患类别", "消防").containsKey("机构类型");
        assertThat(outputs).containsEntry("隐患等级", "一般隐患").containsEntry("挂牌督办", "否");
        boolean residential = List.of("ELDERLY_CARE", "CHILD_WELFARE", "MINOR_PROTECTION", "RELIEF_MANAGEMENT")
                .contains(jdbc.queryForObject("select institution_type from hazard where id = ?", String.class, hazard));
        assertThat(decision.path("rule").asText()).as("the rule that matched, in its own words").isEqualTo(residential
                ? "住养类机构的消防、燃气、电气、特种设备一般隐患，服务对象暴露：从快整改" : "消防、燃气、电气、特种设备一般隐患");
        assertThat(outputs.get("整改时限")).isEqualTo(residential ? "7 天" : "15 天");
        assertThat(api.get("town1", "/api/hazards/" + hazard + "/grading-decisions").status()).as("another township's (城关镇)").isEqualTo(404);
    }

    private static Map<String, String> facts(JsonNode list) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        list.forEach(f -> facts.put(f.path("label").asText(), f.path("value").asText()));
        return facts;
    }

    @Test
    void aSectionOfficerRetriesIncidentsInOneBatchAndOnlyWhatTheLedgerOwesNothingIsCancelled() {
        Api api = new Api(rest);
        deployProbes();
        List<Long> stuck = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stuck.add(start("BatchProbe"));
        }
        int done = 0;
        while (done < 3) {
            for (ActivatedJob job : sent(() -> client.newActivateJobsCommand().jobType("batch.work").maxJobsToActivate(10).send()).getJobs()) {
                sent(() -> client.newCompleteCommand(job).send()); // no score: the gateway stops
                done++;
            }
        }
        String keys = stuck.stream().map(String::valueOf).collect(Collectors.joining(", "));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from job_incident where status = 'OPEN' and process_instance_key in (" + keys + ")", Long.class) == 3);
        // the cause fixed (the score given), then one batch
        stuck.forEach(k -> sent(() -> client.newSetVariablesCommand(k).variables(Map.of("score", 70)).send()));
        assertThat(api.post("leader", LIST + "/retries", "{\"instances\": [" + keys + "]}").status()).isEqualTo(403);
        Api.Reply retried = api.post("fuli", LIST + "/retries", "{\"instances\": [" + keys + "]}");
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().findValues("retried")).hasSize(3).allSatisfy(r -> assertThat(r).hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> stuck.forEach(k ->
                assertThat(api.get("fuli", LIST + "/" + k).body().path("instance").path("status").asText()).isEqualTo("COMPLETED")));
        assertThat(api.post("fuli", LIST + "/retries", "{\"instances\": []}").status()).isEqualTo(400);

        // cancelling: a hazard's loop and a part of a campaign are refused with why; a probe is cancelled and recorded
        long hazard = HazardSteps.reportAt(api, jdbc, "城关镇", 1).get(0);
        long loop = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select process_instance_key from hazard where id = ?", Long.class, hazard), k -> k != null);
        long probe = start("BatchProbe");
        String selection = "{\"instances\": [" + loop + ", " + probe + "], \"reason\": \"演练实例，误启动\"}";
        assertThat(api.post("fuli", LIST + "/cancellations", selection).status()).isEqualTo(403);
        Api.Reply noReason = api.post("admin", LIST + "/cancellations", "{\"instances\": [" + probe + "]}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.fieldErrors().get(0).path("field").asText()).isEqualTo("reason");
        Api.Reply cancelled = api.post("admin", LIST + "/cancellations", selection);
        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        Map<Long, JsonNode> outcome = new HashMap<>();
        cancelled.body().forEach(o -> outcome.put(o.path("processInstanceKey").asLong(), o));
        assertThat(outcome.get(loop).path("cancelled").asBoolean()).isFalse();
        assertThat(outcome.get(loop).path("reason").asText()).contains("隐患整改闭环不能取消");
        assertThat(outcome.get(probe).path("cancelled").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("admin", LIST + "/" + probe).body().path("instance").path("status").asText().equals("CANCELLED"));
        assertThat(api.get("admin", LIST + "/" + loop).body().path("instance").path("status").asText()).isEqualTo("RUNNING");
        assertThat(jdbc.queryForObject("""
                select count(*) from ledger_event where type = 'PROCESS_INSTANCE_CANCELLED' and process_instance_key = ?
                and payload like '%演练实例，误启动%'""", Long.class, probe)).isEqualTo(1);
        // a correction cannot cut an instance off its record, clear a value or drop part of one; one that can is logged
        String variables = "/api/admin/process-instances/" + loop + "/variables";
        assertThat(field(api.post("admin", variables, "{\"name\": \"hazardId\", \"value\": 6, \"reason\": \"改错\"}")))
                .as("what the instance is about").isEqualTo("name");
        assertThat(field(api.post("admin", variables, "{\"name\": \"rectificationDeadline\", \"value\": null, \"reason\": \"清空\"}")))
                .as("a value cleared").isEqualTo("value");
        assertThat(field(api.post("admin", variables, "{\"name\": \"grading\", \"value\": {\"a\": 1}, \"reason\": \"改错\"}")))
                .as("part of a value dropped").isEqualTo("value");
        Api.Reply noted = api.post("admin", variables, "{\"name\": \"note\", \"value\": \"复核\", \"reason\": \"补记复核意见\"}");
        assertThat(noted.status()).as(noted.body().toString()).isEqualTo(200);
        JsonNode log = api.get("admin", "/api/admin/operation-log?changes=true").body();
        assertThat(log.findValuesAsText("detail")).anySatisfy(d -> assertThat(d)
                .startsWith("修改流程变量「note」（隐患 ").contains("由 （空） 改为 复核", "原因：补记复核意见"));
        assertThat(log.findValuesAsText("detail")).anySatisfy(d -> assertThat(d).contains("取消流程实例").contains("演练实例，误启动"));
    }

    @Test
    void badFiltersAreRefusedWithWhatIsWrong() {
        Api api = new Api(rest);
        assertThat(field(api.get("fuli", LIST + "?status=stuck"))).isEqualTo("status");
        assertThat(field(api.get("fuli", LIST + "?sort=name"))).isEqualTo("sort");
        assertThat(field(api.get("fuli", LIST + "?order=up"))).isEqualTo("order");
        assertThat(field(api.get("fuli", LIST + "?startedFrom=2026-13-01"))).isEqualTo("startedFrom");
        assertThat(field(api.get("fuli", LIST + "?startedFrom=2026-03-02&startedTo=2026-03-01"))).isEqualTo("startedTo");
        assertThat(field(api.get("fuli", LIST + "?regionId=987654"))).isEqualTo("regionId");
        assertThat(field(api.get("fuli", LIST + "?size=0"))).isEqualTo("size");
        assertThat(field(api.get("fuli", LIST + "?version=0"))).isEqualTo("version");
        assertThat(field(api.get("fuli", LIST + "?overdue=perhaps"))).isEqualTo("overdue");
        assertThat(api.get("fuli", LIST + "/abc").status()).isEqualTo(400);
    }

    private static String field(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.detail()).isNotBlank();
        return reply.fieldErrors().get(0).path("field").asText();
    }

    /** probes: one stopping at its gateway with an incident when its step gives no score, one ending at once */
    private void deployProbes() {
        sent(() -> client.newDeployResourceCommand()
                .addProcessModel(probe("ConsoleProbe", "console.work"), "console-probe.bpmn")
                .addProcessModel(probe("BatchProbe", "batch.work"), "batch-probe.bpmn")
                .addProcessModel(Bpmn.createExecutableProcess("ConsoleQuick").name("控制台速办")
                        .startEvent("StartEvent_Quick").endEvent("EndEvent_Quick").done(), "console-quick.bpmn")
                .send());
    }

    private static io.camunda.zeebe.model.bpmn.BpmnModelInstance probe(String id, String jobType) {
        return Bpmn.createExecutableProcess(id).name("控制台演练")
                .startEvent("StartEvent_Probe").serviceTask("Task_Work").name("演练办理").zeebeJobType(jobType)
                .exclusiveGateway("Gateway_Score").name("判断得分")
                .condition("=score >= 60").endEvent("EndEvent_Passed")
                .moveToLastGateway().condition("=score < 60").endEvent("EndEvent_Failed").done();
    }

    private long start(String process) {
        return sent(() -> client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().send()).getProcessInstanceKey();
    }

    /**
     * A command to the engine, sent again if its answer never came: the test engine's gRPC response writer is shared
     * by every embedded engine in this JVM (the other test contexts' ones too), so one answer in many thousand can be
     * lost. Sent again, a command the engine had carried out is not found — done already; a second instance created
     * is counted like any other, the engine's records being the oracle.
     */
    private static <T> T sent(java.util.function.Supplier<io.camunda.client.api.CamundaFuture<T>> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get().join();
            } catch (io.camunda.client.api.command.ClientStatusException e) {
                if (e.getStatusCode() == io.grpc.Status.Code.NOT_FOUND && attempt > 1) {
                    return null;
                }
                if (e.getStatusCode() != io.grpc.Status.Code.DEADLINE_EXCEEDED || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private long region(String name) {
        return jdbc.queryForObject("select id from region where name = ?", Long.class, name);
    }

    private static List<Long> ids(Collection<Long> some, Collection<Long> more) {
        return java.util.stream.Stream.concat(some.stream(), more.stream()).toList();
    }

    private static String inList(Collection<Long> some, Collection<Long> more) {
        return ids(some, more).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static JsonNode list(Api api, String user, String query) {
        Api.Reply reply = api.get(user, LIST + "?" + query);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    @SuppressWarnings("unchecked")
    private List<Record<?>> records() {
        // a copy (array copy, no iteration): the platform's own reads grow the engine's list meanwhile
        return new ArrayList<>((Collection<Record<?>>) engine.getRecordStreamSource().getRecords());
    }

    /** The timers the engine has armed for one instance: created (or migrated), neither triggered nor cancelled. */
    private static Map<String, Instant> timersOf(JsonNode detail) {
        Map<String, Instant> timers = new TreeMap<>();
        detail.path("timers").forEach(t -> timers.put(t.path("elementId").asText(), Instant.parse(t.path("dueAt").asText())));
        return timers;
    }

    private Map<String, Instant> engineTimers(long instanceKey) {
        Map<Long, TimerRecordValue> armed = new HashMap<>();
        for (Record<?> record : records()) {
            if (record != null && record.getValue() instanceof TimerRecordValue timer && timer.getProcessInstanceKey() == instanceKey) {
                if (record.getIntent() == TimerIntent.CREATED || record.getIntent() == TimerIntent.MIGRATED) {
                    armed.put(record.getKey(), timer);
                } else if (record.getIntent() == TimerIntent.TRIGGERED || record.getIntent() == TimerIntent.CANCELED) {
                    armed.remove(record.getKey());
                }
            }
        }
        Map<String, Instant> byElement = new TreeMap<>();
        armed.values().forEach(t -> byElement.put(t.getTargetElementId(), Instant.ofEpochMilli(t.getDueDate())));
        return byElement;
    }

    /** every instance the engine ran, replayed from its records: the oracle */
    private static final class Replay {
        final Map<Long, String> states = new HashMap<>();
        final Map<Long, String> processes = new HashMap<>();
        final Map<Long, Set<Long>> incidents = new HashMap<>();

        Replay(List<Record<?>> records) {
            for (Record<?> record : records) {
                if (record == null || record.getRecordType() != RecordType.EVENT) {
                    continue;
                }
                if (record.getValue() instanceof ProcessInstanceRecordValue v && v.getBpmnElementType() == BpmnElementType.PROCESS) {
                    switch ((ProcessInstanceIntent) record.getIntent()) {
                        case ELEMENT_ACTIVATING -> {
                            states.put(record.getKey(), "ACTIVE");
                            processes.put(record.getKey(), v.getBpmnProcessId());
                        }
                        case ELEMENT_COMPLETED -> states.put(record.getKey(), "COMPLETED");
                        case ELEMENT_TERMINATED -> states.put(record.getKey(), "CANCELLED");
                        default -> { }
                    }
                } else if (record.getValue() instanceof IncidentRecordValue incident) {
                    if (record.getIntent() == IncidentIntent.CREATED) {
                        incidents.computeIfAbsent(incident.getProcessInstanceKey(), k -> new HashSet<>()).add(record.getKey());
                    } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                        incidents.getOrDefault(incident.getProcessInstanceKey(), new HashSet<>()).remove(record.getKey());
                    }
                }
            }
        }

        /** per state (INCIDENT: running with one open), of one process or all */
        Map<String, Long> counts(String process) {
            Map<String, Long> counts = new HashMap<>(Map.of("RUNNING", 0L, "INCIDENT", 0L, "COMPLETED", 0L, "CANCELLED", 0L));
            states.forEach((key, state) -> {
                if (process == null || process.equals(processes.get(key))) {
                    counts.merge(state.equals("ACTIVE") ? "RUNNING" : state, 1L, Long::sum);
                }
            });
            counts.put("INCIDENT", withIncident().stream().filter(k -> process == null || process.equals(processes.get(k))).count());
            return counts;
        }

        Set<Long> keys(String state) {
            return states.entrySet().stream().filter(e -> e.getValue().equals(state)).map(Map.Entry::getKey).collect(Collectors.toSet());
        }

        Set<Long> withIncident() {
            return keys("ACTIVE").stream().filter(k -> !incidents.getOrDefault(k, Set.of()).isEmpty()).collect(Collectors.toSet());
        }
    }
}
