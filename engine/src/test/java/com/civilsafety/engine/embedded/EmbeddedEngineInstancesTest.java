package com.civilsafety.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.engine.state.EngineInstances.RunningInstance;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The instances folded incrementally from the engine's record stream are those a replay of the whole stream finds —
 * read after every round of work, so that each read folds only what happened since: instances started with
 * variables, steps completed with new variables, boundary and intermediate timers armed, triggered and cancelled,
 * called children started and ended, instances cancelled, an element stopped with an incident, a variable set later.
 */
class EmbeddedEngineInstancesTest {
    private static ZeebeTestEngine engine;
    private static ZeebeClient client;

    @BeforeAll
    static void startEngine() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            engine = EngineFactory.create(free.getLocalPort());
        }
        engine.start();
        client = engine.createClient();
        client.newDeployResourceCommand()
                .addProcessModel(Bpmn.createExecutableProcess("ProjectionProbe").name("投影演练")
                        .startEvent("StartEvent_Probe")
                        .serviceTask("Task_Work").name("办理").zeebeJobType("probe.work")
                        .boundaryEvent("Event_Remind").name("提醒").cancelActivity(false).timerWithDuration("PT10M")
                        .endEvent("EndEvent_Reminded")
                        .moveToActivity("Task_Work")
                        .exclusiveGateway("Gateway_Score").name("判断")
                        .condition("=score >= 0").intermediateCatchEvent("Event_Wait").name("等一小时").timerWithDuration("PT1H")
                        .callActivity("Activity_Child").name("子流程").zeebeProcessId("ProjectionChild")
                        .endEvent("EndEvent_Done")
                        .moveToLastGateway().condition("=score < 0").endEvent("EndEvent_Negative")
                        .done(), "projection-probe.bpmn")
                .addProcessModel(Bpmn.createExecutableProcess("ProjectionChild").name("投影子流程")
                        .startEvent("StartEvent_Child").serviceTask("Task_ChildWork").name("子流程办理").zeebeJobType("probe.child")
                        .endEvent("EndEvent_Child").done(), "projection-child.bpmn")
                .send().join();
    }

    @AfterAll
    static void stopEngine() {
        client.close();
        engine.stop();
    }

    @Test
    void whatIsFoldedIncrementallyIsWhatAReplayOfTheWholeStreamFinds() throws Exception {
        EmbeddedEngineInstances projection = new EmbeddedEngineInstances(engine);
        List<Long> started = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            started.add(client.newCreateInstanceCommand().bpmnProcessId("ProjectionProbe").latestVersion()
                    .variables(Map.of("n", i, "label", "第" + i + "号", "hazardId", 1000 + i)).send().join().getProcessInstanceKey());
        }
        agree(projection, "started");

        // two in three done, with a score (one in ten without: the gateway stops with an incident); one in five cancelled
        List<ActivatedJob> work = client.newActivateJobsCommand().jobType("probe.work").maxJobsToActivate(100).send().join().getJobs();
        for (ActivatedJob job : work) {
            long n = ((Number) job.getVariablesAsMap().get("n")).longValue();
            if (n % 3 != 0) {
                client.newCompleteCommand(job).variables(n % 10 == 1 ? Map.of() : Map.of("score", n)).send().join();
            }
        }
        for (int i = 0; i < started.size(); i += 5) {
            client.newCancelInstanceCommand(started.get(i)).send().join();
        }
        agree(projection, "worked and cancelled");

        engine.increaseTime(Duration.ofMinutes(15)); // the reminders fire
        agree(projection, "reminded");
        engine.increaseTime(Duration.ofHours(1)); // the waits end, the children start
        agree(projection, "children started");
        List<ActivatedJob> children = client.newActivateJobsCommand().jobType("probe.child").maxJobsToActivate(100).send().join().getJobs();
        children.stream().limit(children.size() / 2).forEach(job -> client.newCompleteCommand(job).send().join());
        client.newSetVariablesCommand(started.get(1)).variables(Map.of("note", "补录")).send().join();
        agree(projection, "half the children done");

        Map<Long, String> running = projection.running();
        assertThat(running).as("some of each kind still run").containsValues("ProjectionProbe", "ProjectionChild");
        assertThat(projection.summaries()).extracting(EngineInstances.InstanceSummary::state).as("running, completed and cancelled ones")
                .contains(EngineInstances.InstanceState.ACTIVE, EngineInstances.InstanceState.COMPLETED, EngineInstances.InstanceState.TERMINATED);
        assertThat(projection.summaries()).as("one with an incident open").anyMatch(EngineInstances.InstanceSummary::incident);
        assertThat(projection.instances(running.keySet()).values()).as("one stopped at the gateway with an incident")
                .anySatisfy(i -> assertThat(i.activeElements()).contains("Gateway_Score"));
        assertThat(projection.elementNames("ProjectionProbe", 1)).containsEntry("Gateway_Score", "判断");
        assertThat(projection.elementNames("ProjectionProbe", 0)).containsEntry("Task_Work", "办理");
        assertThat(projection.elementNames("NoSuchProcess", 0)).isEmpty();
        assertThat(projection.processName("ProjectionProbe", 1)).contains("投影演练");
        assertThat(projection.processName("NoSuchProcess", 0)).isEmpty();
        assertThat(projection.definition("ProjectionChild", 0)).hasValueSatisfying(xml -> assertThat(xml).contains("子流程办理"));
    }

    /** the projection, read now, against a replay of every record the engine has written */
    private static void agree(EmbeddedEngineInstances projection, String when) throws InterruptedException, TimeoutException {
        engine.waitForIdleState(Duration.ofSeconds(10));
        Replay replay = new Replay(EngineRecords.now(engine));
        Map<Long, String> running = projection.running();
        assertThat(running).as(when + ": the running instances").isEqualTo(replay.running());
        Map<Long, String> states = new HashMap<>();
        projection.summaries().forEach(i -> {
            states.put(i.processInstanceKey(), i.state() + (i.incident() ? "+incident" : ""));
            assertThat(projection.summary(i.processInstanceKey())).as(when + ": one found by its key").contains(i);
            assertThat(new TreeSet<>(i.waits())).as(when + ": the summary's waits of " + i.processInstanceKey())
                    .isEqualTo(replay.waits(i.processInstanceKey()));
            String hazardId = replay.everVariables(i.processInstanceKey()).get("hazardId");
            assertThat(i.about().hazardId()).as(when + ": what " + i.processInstanceKey() + " is about, ended or not")
                    .isEqualTo(hazardId == null ? null : Long.valueOf(hazardId));
        });
        assertThat(states).as(when + ": every instance's state, ended ones included").isEqualTo(replay.states());
        Map<Long, RunningInstance> instances = projection.instances(running.keySet());
        assertThat(instances.keySet()).as(when).isEqualTo(running.keySet());
        instances.forEach((key, instance) -> {
            assertThat(new TreeSet<>(instance.activeElements())).as(when + ": where " + key + " waits").isEqualTo(replay.waits(key));
            assertThat(instance.timers().stream().map(t -> t.elementId() + "@" + t.dueAt()).toList())
                    .as(when + ": the timers of " + key).isEqualTo(replay.timers(key));
            assertThat(instance.variables()).as(when + ": the variables of " + key).isEqualTo(replay.variables(key));
            assertThat(instance.path()).as(when + ": the path of " + key).isEqualTo(replay.path(key));
            assertThat(instance.version()).isEqualTo(1);
        });
        for (RunningInstance child : instances.values()) {
            if (child.parentProcessInstanceKey() != null) {
                assertThat(projection.family(child.parentProcessInstanceKey(), List.of("n")))
                        .as(when + ": a parent's family holds its child").extracting(RunningInstance::processInstanceKey)
                        .contains(child.processInstanceKey());
            }
        }
    }

    /** the engine's own records, replayed from the first: the oracle */
    private static final class Replay {
        private final Map<Long, ProcessInstanceRecordValue> active = new HashMap<>();
        private final Map<Long, TimerRecordValue> timers = new HashMap<>();
        private final Map<Long, Map<String, String>> variables = new HashMap<>();
        private final Map<Long, String> processes = new HashMap<>();
        private final Map<Long, Set<Long>> incidents = new HashMap<>();
        private final Map<Long, java.util.LinkedHashSet<String>> paths = new HashMap<>();

        Replay(List<Record<?>> records) {
            for (Record<?> record : records) {
                if (record.getRecordType() != RecordType.EVENT) {
                    continue;
                }
                if (record.getValue() instanceof ProcessInstanceRecordValue element) {
                    switch ((ProcessInstanceIntent) record.getIntent()) {
                        case ELEMENT_ACTIVATING, ELEMENT_ACTIVATED, ELEMENT_MIGRATED -> active.put(record.getKey(), element);
                        case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> active.remove(record.getKey());
                        default -> { }
                    }
                    boolean completedStep = record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                            && element.getBpmnElementType() != BpmnElementType.PROCESS
                            && element.getBpmnElementType() != BpmnElementType.MULTI_INSTANCE_BODY;
                    if (completedStep || record.getIntent() == ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN) {
                        paths.computeIfAbsent(element.getProcessInstanceKey(), k -> new java.util.LinkedHashSet<>()).add(element.getElementId());
                    }
                    if (element.getBpmnElementType() == BpmnElementType.PROCESS) {
                        switch ((ProcessInstanceIntent) record.getIntent()) {
                            case ELEMENT_ACTIVATING -> processes.put(record.getKey(), "ACTIVE");
                            case ELEMENT_COMPLETED -> processes.put(record.getKey(), "COMPLETED");
                            case ELEMENT_TERMINATED -> processes.put(record.getKey(), "TERMINATED");
                            default -> { }
                        }
                    }
                } else if (record.getValue() instanceof IncidentRecordValue incident) {
                    if (record.getIntent() == IncidentIntent.CREATED) {
                        incidents.computeIfAbsent(incident.getProcessInstanceKey(), k -> new java.util.HashSet<>()).add(record.getKey());
                    } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                        incidents.getOrDefault(incident.getProcessInstanceKey(), new java.util.HashSet<>()).remove(record.getKey());
                    }
                } else if (record.getValue() instanceof TimerRecordValue timer) {
                    switch ((TimerIntent) record.getIntent()) {
                        case CREATED, MIGRATED -> timers.put(record.getKey(), timer);
                        case TRIGGERED, CANCELED -> timers.remove(record.getKey());
                        default -> { }
                    }
                } else if (record.getValue() instanceof VariableRecordValue variable
                        && (record.getIntent() == VariableIntent.CREATED || record.getIntent() == VariableIntent.UPDATED)
                        && variable.getScopeKey() == variable.getProcessInstanceKey()) {
                    variables.computeIfAbsent(variable.getProcessInstanceKey(), k -> new TreeMap<>())
                            .put(variable.getName(), variable.getValue());
                }
            }
        }

        /** each instance's state, "+incident" while one is open in it */
        Map<Long, String> states() {
            Map<Long, String> states = new HashMap<>();
            processes.forEach((key, state) -> states.put(key,
                    state + (incidents.getOrDefault(key, Set.of()).isEmpty() ? "" : "+incident")));
            return states;
        }

        Map<Long, String> running() {
            Map<Long, String> running = new HashMap<>();
            active.forEach((key, e) -> {
                if (e.getBpmnElementType() == BpmnElementType.PROCESS) {
                    running.put(key, e.getBpmnProcessId());
                }
            });
            return running;
        }

        Set<String> waits(long instance) {
            Set<String> waits = new TreeSet<>();
            active.values().stream().filter(e -> e.getProcessInstanceKey() == instance
                            && e.getBpmnElementType() != BpmnElementType.PROCESS && e.getBpmnElementType() != BpmnElementType.MULTI_INSTANCE_BODY)
                    .forEach(e -> waits.add(e.getElementId()));
            return waits;
        }

        List<String> timers(long instance) {
            return timers.values().stream().filter(t -> t.getProcessInstanceKey() == instance)
                    .sorted(java.util.Comparator.comparingLong(TimerRecordValue::getDueDate))
                    .map(t -> t.getTargetElementId() + "@" + Instant.ofEpochMilli(t.getDueDate())).toList();
        }

        Map<String, String> variables(long instance) {
            return variables.getOrDefault(instance, Map.of());
        }

        /** an instance's variables whether it still runs or not */
        Map<String, String> everVariables(long instance) {
            return variables.getOrDefault(instance, Map.of());
        }

        List<String> path(long instance) {
            return List.copyOf(paths.getOrDefault(instance, new java.util.LinkedHashSet<>()));
        }
    }
}
