package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 流程监控 counts what the ledger recorded; they must be what the engine did. Hazards are reported at the
 * institutions of 城关镇 (one each, or as many as {@code civil-safety.monitor.hazards} asks) and left at different
 * steps (waiting for the 五落实, for rectification, for verification); then, per element, the ledger's completed
 * steps equal the engine's completed service tasks, and the people's tasks open in the ledger equal the receive tasks
 * the engine has waiting. Its own database and engine: the engine's record stream holds this test's instances only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:process-monitor;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class ProcessMonitorTest {
    private static final String PROCESS = "HazardRectification";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ZeebeTestEngine engine;

    @Test
    void theMonitorCountsWhatTheEngineDid() {
        Api api = new Api(rest);
        List<Long> institutions = jdbc.queryForList("""
                select i.id from institution i join region r on r.id = i.region_id where r.name = '城关镇' order by i.id""",
                Long.class);
        assertThat(institutions).hasSizeGreaterThan(3);
        // -Dcivil-safety.monitor.hazards=1000 for the load of the acceptance (docs/benchmarks.md)
        int hazards = Integer.getInteger("civil-safety.monitor.hazards", institutions.size());
        for (int i = 0; i < hazards; i++) {
            long institution = institutions.get(i % institutions.size());
            Api.Reply reported = api.post("inspector1", "/api/hazards", """
                    {"institutionId": %d, "description": "监控样例", "criterionCode": "GEN-FIRE", "source": "DEPARTMENT_CHECK",
                     "foundOn": "%s"}""".formatted(institution, api.today()));
            assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        }
        // half are assigned; of those, half are rectified: three steps with people waiting
        List<Long> assignments = awaitTasks(api, "town1", "ASSIGNMENT", hazards);
        for (long task : assignments.subList(0, hazards / 2)) {
            assertThat(api.post("town1", "/api/tasks/" + task + "/complete", """
                    {"responsibleUnit": "机构", "responsiblePerson": "李建国", "measures": "清理通道", "funds": 100,
                     "deadline": "%s"}""".formatted(api.today().plusDays(5))).status()).isEqualTo(200);
        }
        Map<Long, String> institutionUser = new HashMap<>();
        jdbc.query("select institution_id, username from person where institution_id is not null", rs -> {
            institutionUser.putIfAbsent(rs.getLong(1), rs.getString(2));
        });
        await().atMost(Duration.ofMinutes(10)).until(() -> openTasks("RECTIFICATION") == hazards / 2);
        List<Map<String, Object>> rectifications = jdbc.queryForList(
                "select id, institution_id from inbox_task where kind = 'RECTIFICATION' and status = 'OPEN' order by id");
        for (Map<String, Object> task : rectifications.subList(0, hazards / 4)) {
            String user = institutionUser.get(((Number) task.get("institution_id")).longValue());
            assertThat(api.post(user, "/api/tasks/" + task.get("id") + "/complete", """
                    {"measures": "已清理", "responsiblePerson": "李建国", "funds": 100, "completedOn": "%s"}"""
                    .formatted(api.today())).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofMinutes(10)).until(() -> openTasks("VERIFICATION") == hazards / 4);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode monitor = api.get("fuli", "/api/process-models/hazard-rectification/monitor").body();
            assertThat(monitor.path("bpmnProcessId").asText()).isEqualTo(PROCESS);
            Map<String, Long> completed = new HashMap<>();
            Map<String, Long> waiting = new HashMap<>();
            for (JsonNode e : monitor.path("elements")) {
                completed.put(e.path("elementId").asText(), e.path("completed").asLong());
                waiting.put(e.path("elementId").asText(), e.path("active").asLong());
            }
            Map<String, Long> engineCompleted = engineCount(BpmnElementType.SERVICE_TASK, ProcessInstanceIntent.ELEMENT_COMPLETED);
            Map<String, Long> engineWaiting = engineWaitingReceiveTasks();
            assertThat(completed).as("completed steps per element").containsAllEntriesOf(engineCompleted);
            assertThat(engineCompleted.keySet()).containsAll(completed.entrySet().stream()
                    .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList());
            // a person's task is counted at the element that opened it; the engine waits at the receive task after it
            assertThat(waiting.get("Task_OpenAssignmentTask")).isEqualTo(engineWaiting.get("Task_AwaitAssignment"))
                    .isEqualTo((long) hazards - hazards / 2);
            assertThat(waiting.get("Task_OpenRectificationTask")).isEqualTo(engineWaiting.get("Task_AwaitRectification"))
                    .isEqualTo((long) hazards / 2 - hazards / 4);
            assertThat(waiting.get("Task_OpenVerificationTask")).isEqualTo(engineWaiting.get("Task_AwaitVerification"))
                    .isEqualTo((long) hazards / 4);
            // the instances as the engine counts them: every hazard here still runs
            Map<ProcessInstanceIntent, Long> states = engineInstanceStates();
            JsonNode instances = monitor.path("instances");
            assertThat(instances.path("running").asLong()).isEqualTo(states.getOrDefault(ProcessInstanceIntent.ELEMENT_ACTIVATING, 0L))
                    .isGreaterThanOrEqualTo(hazards);
            assertThat(instances.path("completed").asLong()).isEqualTo(states.getOrDefault(ProcessInstanceIntent.ELEMENT_COMPLETED, 0L));
            assertThat(instances.path("cancelled").asLong()).isEqualTo(states.getOrDefault(ProcessInstanceIntent.ELEMENT_TERMINATED, 0L));
        });

        // one instance: the path it took, where it waits, and the timers the engine holds armed, with their dates
        long rectifying = jdbc.queryForObject("select min(id) from hazard where status = 'RECTIFYING'", Long.class);
        long instanceKey = jdbc.queryForObject("select process_instance_key from hazard where id = ?", Long.class, rectifying);
        JsonNode process = api.get("fuli", "/api/hazards/" + rectifying + "/process").body();
        assertThat(process.path("processInstanceKey").asLong()).isEqualTo(instanceKey);
        assertThat(StreamSupport.stream(process.path("steps").spliterator(), false).map(st -> st.path("elementId").asText()))
                .containsSubsequence("Task_RecordGrading", "Task_OpenAssignmentTask", "Task_RecordAssignment",
                        "Task_OpenRectificationTask");
        assertThat(process.path("waiting").get(0).path("openedAt").asText()).isEqualTo("Task_OpenRectificationTask");
        Map<String, Long> timers = new HashMap<>();
        for (JsonNode t : process.path("timers")) {
            timers.put(t.path("elementId").asText(), OffsetDateTime.parse(t.path("dueAt").asText()).toInstant().toEpochMilli());
        }
        assertThat(timers).isNotEmpty().isEqualTo(engineTimers(instanceKey));
        assertThat(api.get("town2", "/api/hazards/" + rectifying + "/process").status()).as("another township").isEqualTo(404);
    }

    /** How many of the process's instances the engine's records leave running (ACTIVATING), completed and terminated. */
    private Map<ProcessInstanceIntent, Long> engineInstanceStates() {
        Map<Long, ProcessInstanceIntent> last = new HashMap<>();
        // a copy (array copy, no iteration): the platform's own reads grow the engine's list meanwhile
        for (Record<?> record : new java.util.ArrayList<>((java.util.Collection<Record<?>>) engine.getRecordStreamSource().getRecords())) {
            if (record != null && record.getValue() instanceof ProcessInstanceRecordValue v && v.getBpmnElementType() == BpmnElementType.PROCESS
                    && PROCESS.equals(v.getBpmnProcessId()) && record.getRecordType() == RecordType.EVENT
                    && switch ((ProcessInstanceIntent) record.getIntent()) {
                        case ELEMENT_ACTIVATING, ELEMENT_COMPLETED, ELEMENT_TERMINATED -> true;
                        default -> false;
                    }) {
                last.put(record.getKey(), (ProcessInstanceIntent) record.getIntent());
            }
        }
        Map<ProcessInstanceIntent, Long> counts = new HashMap<>();
        last.values().forEach(state -> counts.merge(state, 1L, Long::sum));
        return counts;
    }

    /** The timers the engine has armed for one instance: created, neither triggered nor cancelled. */
    private Map<String, Long> engineTimers(long instanceKey) {
        Map<Long, TimerRecordValue> armed = new HashMap<>();
        for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.TIMER && record.getValue() instanceof TimerRecordValue timer
                    && timer.getProcessInstanceKey() == instanceKey) {
                if (record.getIntent() == TimerIntent.CREATED) {
                    armed.put(record.getKey(), timer);
                } else if (record.getIntent() == TimerIntent.TRIGGERED || record.getIntent() == TimerIntent.CANCELED) {
                    armed.remove(record.getKey());
                }
            }
        }
        Map<String, Long> byElement = new HashMap<>();
        armed.values().forEach(t -> byElement.put(t.getTargetElementId(), t.getDueDate()));
        return byElement;
    }

    private Map<String, Long> engineCount(BpmnElementType type, ProcessInstanceIntent intent) {
        Map<String, Long> counts = new HashMap<>();
        for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getRecordType() == RecordType.EVENT
                    && record.getIntent() == intent
                    && record.getValue() instanceof ProcessInstanceRecordValue v
                    && v.getBpmnProcessId().equals(PROCESS) && v.getBpmnElementType() == type) {
                counts.merge(v.getElementId(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private Map<String, Long> engineWaitingReceiveTasks() {
        Map<String, Long> waiting = new HashMap<>(engineCount(BpmnElementType.RECEIVE_TASK, ProcessInstanceIntent.ELEMENT_ACTIVATED));
        engineCount(BpmnElementType.RECEIVE_TASK, ProcessInstanceIntent.ELEMENT_COMPLETED).forEach((k, v) -> waiting.merge(k, -v, Long::sum));
        engineCount(BpmnElementType.RECEIVE_TASK, ProcessInstanceIntent.ELEMENT_TERMINATED).forEach((k, v) -> waiting.merge(k, -v, Long::sum));
        return waiting;
    }

    private long openTasks(String kind) {
        return jdbc.queryForObject("select count(*) from inbox_task where kind = ? and status = 'OPEN'", Long.class, kind);
    }

    private List<Long> awaitTasks(Api api, String user, String kind, int count) {
        return await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() ->
                StreamSupport.stream(api.get(user, "/api/tasks").body().spliterator(), false)
                        .filter(t -> t.path("kind").asText().equals(kind)).map(t -> t.path("id").asLong()).toList(),
                ids -> ids.size() == count);
    }
}
