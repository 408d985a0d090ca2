package com.civilsafety.engine.embedded;

import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.processes.ModelGraph;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/**
 * Running instances as the embedded engine holds them, replayed from its record stream: element instances activated
 * and not yet completed or terminated, timers created and not yet triggered or cancelled (a migrated one keeps its
 * key and due date), variables as created or updated (a migrated variable's record carries no value). One pass over the stream per call, so its cost grows with everything the engine has done.
 */
@Component
@ConditionalOnBean(ZeebeTestEngine.class)
class EmbeddedEngineInstances implements EngineInstances {
    private static final Set<BpmnElementType> NOT_WAITS = Set.of(BpmnElementType.PROCESS, BpmnElementType.MULTI_INSTANCE_BODY);

    private final ZeebeTestEngine engine;

    EmbeddedEngineInstances(ZeebeTestEngine engine) {
        this.engine = engine;
    }

    @Override
    public Map<Long, String> running() {
        Map<Long, String> running = new HashMap<>();
        for (Record<?> record : EngineRecords.now(engine)) {
            if (record.getRecordType() == RecordType.EVENT && record.getValue() instanceof ProcessInstanceRecordValue element
                    && element.getBpmnElementType() == BpmnElementType.PROCESS) {
                switch ((ProcessInstanceIntent) record.getIntent()) {
                    case ELEMENT_ACTIVATED, ELEMENT_MIGRATED -> running.put(record.getKey(), element.getBpmnProcessId());
                    case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> running.remove(record.getKey());
                    default -> { }
                }
            }
        }
        return running;
    }

    @Override
    public List<RunningInstance> family(long processInstanceKey, List<String> variableNames) {
        Snapshot snapshot = scan((instance, name) -> variableNames.contains(name));
        List<RunningInstance> family = new ArrayList<>();
        Deque<Long> next = new ArrayDeque<>(List.of(processInstanceKey));
        while (!next.isEmpty()) {
            long key = next.poll();
            RunningInstance instance = snapshot.instance(key);
            if (instance == null) {
                continue;
            }
            family.add(instance);
            snapshot.processes.forEach((child, value) -> {
                if (value.getParentProcessInstanceKey() == key) {
                    next.add(child);
                }
            });
        }
        return family;
    }

    @Override
    public Map<Long, RunningInstance> instances(Set<Long> processInstanceKeys) {
        Snapshot snapshot = scan((instance, name) -> processInstanceKeys.contains(instance));
        Map<Long, RunningInstance> instances = new LinkedHashMap<>();
        for (long key : processInstanceKeys) {
            RunningInstance instance = snapshot.instance(key);
            if (instance != null) {
                instances.put(key, instance);
            }
        }
        return instances;
    }

    @Override
    public Map<String, String> elementNames(String bpmnProcessId, int version) {
        Process found = null;
        for (Record<?> record : EngineRecords.now(engine)) {
            if (record.getValueType() == ValueType.PROCESS && record.getIntent() == ProcessIntent.CREATED
                    && record.getValue() instanceof Process process && process.getBpmnProcessId().equals(bpmnProcessId)
                    && (version > 0 ? process.getVersion() == version : found == null || process.getVersion() > found.getVersion())) {
                found = process;
            }
        }
        if (found == null) {
            return Map.of();
        }
        try {
            return new ModelGraph(new String(found.getResource(), StandardCharsets.UTF_8)).elementNames();
        } catch (RuntimeException unreadable) {
            return Map.of();
        }
    }

    /** one pass over the stream: what is active, the armed timers and the wanted process-level variables */
    private Snapshot scan(BiPredicate<Long, String> variableWanted) {
        Map<Long, ProcessInstanceRecordValue> active = new LinkedHashMap<>();
        Map<Long, TimerRecordValue> timers = new LinkedHashMap<>();
        Map<Long, Map<String, String>> variables = new HashMap<>();
        for (Record<?> record : EngineRecords.now(engine)) {
            if (record.getRecordType() != RecordType.EVENT) {
                continue;
            }
            if (record.getValue() instanceof ProcessInstanceRecordValue element) {
                switch ((ProcessInstanceIntent) record.getIntent()) {
                    // activating counts: an element the engine stopped at with an incident never gets further
                    case ELEMENT_ACTIVATING, ELEMENT_ACTIVATED, ELEMENT_MIGRATED -> active.put(record.getKey(), element);
                    case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> active.remove(record.getKey());
                    default -> { }
                }
            } else if (record.getValue() instanceof TimerRecordValue timer) {
                switch ((TimerIntent) record.getIntent()) {
                    case CREATED, MIGRATED -> timers.put(record.getKey(), timer);
                    case TRIGGERED, CANCELED -> timers.remove(record.getKey());
                    default -> { }
                }
            } else if (record.getValue() instanceof VariableRecordValue variable
                    && (record.getIntent() == VariableIntent.CREATED || record.getIntent() == VariableIntent.UPDATED)
                    && variable.getScopeKey() == variable.getProcessInstanceKey()
                    && variableWanted.test(variable.getProcessInstanceKey(), variable.getName())) {
                variables.computeIfAbsent(variable.getProcessInstanceKey(), k -> new LinkedHashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        Map<Long, ProcessInstanceRecordValue> processes = new LinkedHashMap<>();
        active.forEach((key, element) -> {
            if (element.getBpmnElementType() == BpmnElementType.PROCESS) {
                processes.put(key, element);
            }
        });
        return new Snapshot(active, timers, variables, processes);
    }

    private record Snapshot(Map<Long, ProcessInstanceRecordValue> active, Map<Long, TimerRecordValue> timers,
                            Map<Long, Map<String, String>> variables, Map<Long, ProcessInstanceRecordValue> processes) {
        RunningInstance instance(long key) {
            ProcessInstanceRecordValue process = processes.get(key);
            if (process == null) {
                return null;
            }
            List<String> waits = active.values().stream()
                    .filter(e -> e.getProcessInstanceKey() == key && !NOT_WAITS.contains(e.getBpmnElementType()))
                    .map(ProcessInstanceRecordValue::getElementId).distinct().toList();
            List<ArmedTimer> armed = timers.values().stream().filter(t -> t.getProcessInstanceKey() == key)
                    .map(t -> new ArmedTimer(t.getTargetElementId(), Instant.ofEpochMilli(t.getDueDate())))
                    .sorted(Comparator.comparing(ArmedTimer::dueAt)).toList();
            return new RunningInstance(key, process.getParentProcessInstanceKey() > 0 ? process.getParentProcessInstanceKey() : null,
                    process.getBpmnProcessId(), process.getVersion(), waits, armed, variables.getOrDefault(key, Map.of()));
        }
    }
}
