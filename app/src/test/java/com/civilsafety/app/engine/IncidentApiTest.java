package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.ledger.job.ProcessProjection;
import com.civilsafety.engine.step.StepRecorder;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import com.civilsafety.ledger.notification.NotificationRelay;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 流程故障: a step that fails for good becomes an incident in the engine and in the list; once its cause is fixed an
 * administrator retries it, the engine runs the step again, the process goes on, and the step is recorded once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:incidents;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "civil-safety.engine.incident-scan=PT2S"})
@Import(IncidentApiTest.Probe.class)
class IncidentApiTest {
    static final AtomicBoolean BROKEN = new AtomicBoolean(true);

    /** A worker whose cause of failure the test can fix. */
    @TestConfiguration
    static class Probe {
        @Bean
        ProbeWorker probeWorker(StepRecorder steps) {
            return new ProbeWorker(steps);
        }
    }

    public static class ProbeWorker {
        private final StepRecorder steps;

        ProbeWorker(StepRecorder steps) {
            this.steps = steps;
        }

        @JobWorker(type = "test.incident-probe")
        public Map<String, Object> probe(ActivatedJob job) {
            return steps.record(job, step -> {
                if (BROKEN.get()) {
                    throw new IllegalStateException("probe is broken");
                }
                return Map.of("probed", true);
            });
        }
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CamundaClient client;
    @Autowired
    ZeebeTestEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationRelay relay;
    @Autowired
    ProcessProjection projection;

    @Test
    void aStepThatFailedForGoodIsRetriedByAnAdministratorAfterTheCauseIsFixed() {
        Api api = new Api(rest);
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("IncidentProbe")
                .startEvent("StartEvent_Probe").serviceTask("Task_Probe", t -> t.zeebeJobType("test.incident-probe"))
                .endEvent("EndEvent_Probe").done(), "incident-probe.bpmn").send().join();
        long instance = client.newCreateInstanceCommand().bpmnProcessId("IncidentProbe").latestVersion().send().join()
                .getProcessInstanceKey();

        JsonNode incident = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> StreamSupport.stream(api.get("admin", "/api/admin/incidents").body().spliterator(), false)
                        .filter(i -> i.path("processInstanceKey").asLong() == instance).findFirst().orElse(null),
                i -> i != null);
        assertThat(incident.path("elementId").asText()).isEqualTo("Task_Probe");
        assertThat(incident.path("bpmnProcessId").asText()).isEqualTo("IncidentProbe");
        assertThat(incident.path("error").asText()).contains("probe is broken");
        assertThat(api.get("fuli", "/api/admin/incidents").status()).isEqualTo(403);
        assertThat(projection.of("IncidentProbe", null)).as("the monitor's incident count at the element")
                .anySatisfy(c -> assertThat(c).extracting("elementId", "incidents").containsExactly("Task_Probe", 1L));
        long id = incident.path("id").asLong();
        assertThat(incident.path("occurrences").asInt()).isOne();

        // retried before the cause is fixed: it fails for good again, and is listed again (the same incident, twice)
        assertThat(api.post("admin", "/api/admin/incidents/" + id + "/retry", "").status()).isEqualTo(200);
        JsonNode again = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> StreamSupport.stream(api.get("admin", "/api/admin/incidents").body().spliterator(), false)
                        .filter(i -> i.path("id").asLong() == id).findFirst().orElse(null),
                i -> i != null && i.path("occurrences").asInt() == 2);
        assertThat(again.path("status").asText()).isEqualTo("OPEN");
        relay.tellRequested();
        assertThat(jdbc.queryForObject("select count(*) from notification where cause_key like ?", Long.class, "incident:" + id + ":%"))
                .as("the administrators told of each time").isEqualTo(2 * jdbc.queryForObject(
                        "select count(*) from person_role r join person p on p.id = r.person_id where r.role = 'BUREAU_ADMIN' and p.enabled", Long.class));

        BROKEN.set(false);
        Api.Reply retried = api.post("admin", "/api/admin/incidents/" + id + "/retry", "");
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().path("status").asText()).isEqualTo("RESOLVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> completed(instance));
        assertThat(StreamSupport.stream(api.get("admin", "/api/admin/incidents").body().spliterator(), false)
                .noneMatch(i -> i.path("id").asLong() == id)).isTrue();
        assertThat(projection.of("IncidentProbe", null)).allSatisfy(c -> assertThat(c.incidents()).isZero());
        assertThat(jdbc.queryForObject("select count(*) from processed_job where process_instance_key = ?", Long.class,
                instance)).as("the step recorded once").isEqualTo(1);
        // retried already: nothing to retry again
        assertThat(api.post("admin", "/api/admin/incidents/" + id + "/retry", "").status()).isEqualTo(409);
        assertThat(api.post("admin", "/api/admin/incidents/987654/retry", "").status()).isEqualTo(404);
    }

    @Test
    void anIncidentTheEngineRaisesItselfIsListedByItsStepsNameFixedRetriedAndRecordedOnce() {
        // a condition on a variable nobody set: the engine itself stops at the gateway (no job, no worker to report it)
        Api api = new Api(rest);
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("ConditionProbe")
                .startEvent("StartEvent_Probe").exclusiveGateway("Gateway_Decide").name("判断是否达标")
                .condition("=score > 60").endEvent("EndEvent_Passed")
                .moveToLastGateway().condition("=score <= 60").endEvent("EndEvent_Failed").done(), "condition-probe.bpmn")
                .send().join();
        long instance = client.newCreateInstanceCommand().bpmnProcessId("ConditionProbe").latestVersion().send().join()
                .getProcessInstanceKey();

        JsonNode incident = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> StreamSupport.stream(api.get("admin", "/api/admin/incidents").body().spliterator(), false)
                        .filter(i -> i.path("processInstanceKey").asLong() == instance).findFirst().orElse(null),
                i -> i != null);
        assertThat(incident.path("engineRaised").asBoolean()).isTrue();
        assertThat(incident.path("elementId").asText()).isEqualTo("Gateway_Decide");
        assertThat(incident.path("elementName").asText()).as("a process the platform does not ship: named by the engine's definition")
                .isEqualTo("判断是否达标");
        assertThat(incident.path("jobType").asText()).as("the engine's error type: a variable it could not read").isEqualTo("EXTRACT_VALUE_ERROR");
        assertThat(incident.path("error").asText()).isNotBlank();
        long id = incident.path("id").asLong();

        // the cause, fixed by the administrator: the score given, with a reason; the instance seen first
        String variables = "/api/admin/process-instances/" + instance + "/variables";
        JsonNode seen = api.get("admin", "/api/process-instances/" + instance).body();
        assertThat(seen.path("instance").path("bpmnProcessId").asText()).isEqualTo("ConditionProbe");
        assertThat(seen.path("waits").findValuesAsText("name")).contains("判断是否达标");
        assertThat(api.get("leader", "/api/process-instances/" + instance).status())
                .as("an instance about no ledger record: the bureau's staff see it, leaders watch the ledger's work").isEqualTo(404);
        assertThat(api.post("fuli", variables, "{\"name\": \"score\", \"value\": 75, \"reason\": \"补录\"}").status()).isEqualTo(403);
        Api.Reply empty = api.post("admin", variables, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.fieldErrors()).extracting(e -> e.path("field").asText()).containsExactlyInAnyOrder("name", "value", "reason");
        assertThat(api.post("admin", variables, "{\"name\": \"1score\", \"value\": 75, \"reason\": \"补录\"}")
                .fieldErrors().get(0).path("field").asText()).isEqualTo("name");
        assertThat(api.post("admin", "/api/admin/process-instances/987654/variables",
                "{\"name\": \"score\", \"value\": 75, \"reason\": \"补录\"}").status()).as("no such instance").isEqualTo(404);
        assertThat(api.post("admin", variables, "{\"name\": \"score\", \"value\": 1e999999, \"reason\": \"补录\"}")
                .fieldErrors().get(0).path("message").asText()).as("a number out of range").contains("超出范围");
        assertThat(jdbc.queryForObject("select count(*) from ledger_event where type = 'PROCESS_VARIABLE_CORRECTED'", Long.class))
                .as("nothing recorded for refused corrections").isZero();
        Api.Reply corrected = api.post("admin", variables, "{\"name\": \"score\", \"value\": 75, \"reason\": \"检查组补录评分\"}");
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        assertThat(corrected.body().path("before").isNull()).as("the score was never given").isTrue();
        assertThat(corrected.body().path("after").asText()).isEqualTo("75");
        assertThat(jdbc.queryForObject("""
                select count(*) from ledger_event where type = 'PROCESS_VARIABLE_CORRECTED' and process_instance_key = ?
                and subject_type = 'PROCESS_INSTANCE' and subject_id = ? and payload like '%检查组补录评分%'""",
                Long.class, instance, instance)).as("who changed what and why, in the event chain").isEqualTo(1);
        Api.Reply retyped = api.post("admin", variables, "{\"name\": \"score\", \"value\": \"七十五\", \"reason\": \"改成文字\"}");
        assertThat(retyped.status()).isEqualTo(400);
        assertThat(retyped.fieldErrors().get(0).path("message").asText()).as("a number stays a number").contains("原来是数字");
        Api.Reply retried = api.post("admin", "/api/admin/incidents/" + id + "/retry", "");
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().path("status").asText()).isEqualTo("RESOLVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> completed(instance));
        assertThat(api.post("admin", "/api/admin/incidents/" + id + "/retry", "").status()).as("resolved already").isEqualTo(409);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from job_incident where process_instance_key = ?", Long.class, instance) == 1);

        // an instance stuck there and cancelled (its incident resolved in the engine): off the list
        long cancelled = client.newCreateInstanceCommand().bpmnProcessId("ConditionProbe").latestVersion().send().join()
                .getProcessInstanceKey();
        await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(api.get("admin", "/api/admin/incidents").body()
                .spliterator(), false).anyMatch(i -> i.path("processInstanceKey").asLong() == cancelled));
        client.newCancelInstanceCommand(cancelled).send().join();
        await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(api.get("admin", "/api/admin/incidents").body()
                .spliterator(), false).noneMatch(i -> i.path("processInstanceKey").asLong() == cancelled));
    }

    private boolean completed(long instance) {
        // a copy (array copy, no iteration): the incident scan's read grows the engine's list meanwhile
        for (Record<?> record : new java.util.ArrayList<>((java.util.Collection<Record<?>>) engine.getRecordStreamSource().getRecords())) {
            if (record == null) {
                continue;
            }
            if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    && record.getValue() instanceof ProcessInstanceRecordValue v && v.getProcessInstanceKey() == instance
                    && v.getBpmnElementType() == BpmnElementType.PROCESS) {
                return true;
            }
        }
        return false;
    }
}
