package com.civilsafety.engine.embedded;

import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.engine.state.InstanceReference;
import com.civilsafety.processes.ModelGraph;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/**
 * Running instances as the embedded engine holds them, folded incrementally from its record stream: element instances
 * activating or active and not yet completed or terminated, timers created and not yet triggered or cancelled (a
 * migrated one keeps its key and due date), process-level variables as created or updated (a migrated variable's record
 * carries no value), and the process definitions deployed. Each read first folds the records appended since the last
 * one, so its cost follows what happened since, not everything the engine has done; what is kept is bounded by the
 * running instances (an ended instance's elements, timers, variables and path are dropped with it), but for one small
 * summary per instance the engine ran (its state, start and end, and the few variables naming what it is about), for
 * the list of running and ended instances.
 */
@Component
@ConditionalOnBean(ZeebeTestEngine.class)
class EmbeddedEngineInstances implements EngineInstances {
    private static final Set<BpmnElementType> NOT_WAITS = Set.of(BpmnElementType.PROCESS, BpmnElementType.MULTI_INSTANCE_BODY);

    private final ZeebeTestEngine engine;
    /** how many records of the stream are folded in */
    private int folded;
    /** active element instances by key, in the order they were activated */
    private final Map<Long, ProcessInstanceRecordValue> elements = new LinkedHashMap<>();
    /** each running process instance's active element keys (itself included), in activation order */
    private final Map<Long, Set<Long>> elementsOf = new LinkedHashMap<>();
    private final Map<Long, TimerRecordValue> timers = new HashMap<>();
    private final Map<Long, Set<Long>> timersOf = new HashMap<>();
    private final Map<Long, Map<String, String>> variables = new HashMap<>();
    /** the deployed definitions, by process id and version */
    private final Map<String, Map<Integer, Process>> definitions = new HashMap<>();
    /** each deployed definition's element names, by "process id/version", once read */
    private final Map<String, Map<String, String>> names = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Optional<String>> processNames = new java.util.concurrent.ConcurrentHashMap<>();
    /** every process instance since the engine started, running or ended: one small entry each */
    private final Map<Long, Summary> summaries = new LinkedHashMap<>();
    /** the open incidents of each instance */
    private final Map<Long, Set<Long>> incidentsOf = new HashMap<>();
    /** the elements and flows each running instance completed or took, in order */
    private final Map<Long, Set<String>> pathOf = new HashMap<>();
    /** of every instance since the engine started, the variables naming the ledger records it is about (a few each) */
    private final Map<Long, Map<String, String>> referencesOf = new HashMap<>();

    private static final class Summary {
        final long key;
        final Long parent;
        String bpmnProcessId;
        int version;
        InstanceState state = InstanceState.ACTIVE;
        final Instant startedAt;
        Instant endedAt;

        Summary(long key, Long parent, String bpmnProcessId, int version, Instant startedAt) {
            this.key = key;
            this.parent = parent;
            this.bpmnProcessId = bpmnProcessId;
            this.version = version;
            this.startedAt = startedAt;
        }
    }

    EmbeddedEngineInstances(ZeebeTestEngine engine) {
        this.engine = engine;
    }

    @Override
    public synchronized List<InstanceSummary> summaries() {
        catchUp();
        return summaries.values().stream().map(this::summaryOf).toList();
    }

    @Override
    public synchronized Optional<InstanceSummary> summary(long processInstanceKey) {
        catchUp();
        return Optional.ofNullable(summaries.get(processInstanceKey)).map(this::summaryOf);
    }

    private InstanceSummary summaryOf(Summary i) {
        return new InstanceSummary(i.key, i.parent, i.bpmnProcessId, i.version, i.state, i.startedAt, i.endedAt,
                !incidentsOf.getOrDefault(i.key, Set.of()).isEmpty(), waits(i.key),
                InstanceReference.of(referencesOf.getOrDefault(i.key, Map.of())));
    }

    @Override
    public synchronized Map<Long, String> running() {
        catchUp();
        Map<Long, String> running = new LinkedHashMap<>();
        elementsOf.keySet().forEach(key -> {
            ProcessInstanceRecordValue process = elements.get(key);
            if (process != null) {
                running.put(key, process.getBpmnProcessId());
            }
        });
        return running;
    }

    @Override
    public synchronized List<RunningInstance> family(long processInstanceKey, List<String> variableNames) {
        catchUp();
        List<RunningInstance> family = new ArrayList<>();
        Deque<Long> next = new ArrayDeque<>(List.of(processInstanceKey));
        while (!next.isEmpty()) {
            long key = next.poll();
            RunningInstance instance = instance(key, variableNames::contains);
            if (instance == null) {
                continue;
            }
            family.add(instance);
            elementsOf.keySet().forEach(child -> {
                ProcessInstanceRecordValue process = elements.get(child);
                if (process != null && process.getParentProcessInstanceKey() == key) {
                    next.add(child);
                }
            });
        }
        return family;
    }

    @Override
    public synchronized Map<Long, RunningInstance> instances(Set<Long> processInstanceKeys) {
        catchUp();
        Map<Long, RunningInstance> instances = new LinkedHashMap<>();
        for (long key : processInstanceKeys) {
            RunningInstance instance = instance(key, name -> true);
            if (instance != null) {
                instances.put(key, instance);
            }
        }
        return instances;
    }

    @Override
    public Map<String, String> elementNames(String bpmnProcessId, int version) {
        Optional<Process> found = deployed(bpmnProcessId, version);
        if (found.isEmpty()) {
            return Map.of();
        }
        // a deployed definition never changes: its names are read once
        return names.computeIfAbsent(bpmnProcessId + "/" + found.get().getVersion(), k -> {
            try {
                return Map.copyOf(new ModelGraph(new String(found.get().getResource(), StandardCharsets.UTF_8)).elementNames());
            } catch (RuntimeException unreadable) {
                return Map.of();
            }
        });
    }

    @Override
    public Optional<String> processName(String bpmnProcessId, int version) {
        Optional<Process> found = deployed(bpmnProcessId, version);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return processNames.computeIfAbsent(bpmnProcessId + "/" + found.get().getVersion(), k -> {
            try {
                return new ModelGraph(new String(found.get().getResource(), StandardCharsets.UTF_8)).processName();
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<String> definition(String bpmnProcessId, int version) {
        return deployed(bpmnProcessId, version).map(p -> new String(p.getResource(), StandardCharsets.UTF_8));
    }

    private synchronized Optional<Process> deployed(String bpmnProcessId, int version) {
        catchUp();
        Map<Integer, Process> versions = definitions.getOrDefault(bpmnProcessId, Map.of());
        return Optional.ofNullable(version > 0 ? versions.get(version)
                : versions.values().stream().max(Comparator.comparingInt(Process::getVersion)).orElse(null));
    }

    /** the elements a running instance is at now, each once, in the order it reached them; empty once it ended */
    private List<String> waits(long key) {
        Set<Long> keys = elementsOf.get(key);
        if (keys == null) {
            return List.of();
        }
        return keys.stream().map(elements::get).filter(e -> e != null && !NOT_WAITS.contains(e.getBpmnElementType()))
                .map(ProcessInstanceRecordValue::getElementId).distinct().toList();
    }

    private RunningInstance instance(long key, Predicate<String> variableWanted) {
        Set<Long> keys = elementsOf.get(key);
        ProcessInstanceRecordValue process = elements.get(key);
        if (keys == null || process == null) {
            return null;
        }
        List<ArmedTimer> armed = timersOf.getOrDefault(key, Set.of()).stream().map(timers::get)
                .map(t -> new ArmedTimer(t.getTargetElementId(), Instant.ofEpochMilli(t.getDueDate())))
                .sorted(Comparator.comparing(ArmedTimer::dueAt)).toList();
        Map<String, String> wanted = new LinkedHashMap<>();
        variables.getOrDefault(key, Map.of()).forEach((name, value) -> {
            if (variableWanted.test(name)) {
                wanted.put(name, value);
            }
        });
        return new RunningInstance(key, process.getParentProcessInstanceKey() > 0 ? process.getParentProcessInstanceKey() : null,
                process.getBpmnProcessId(), process.getVersion(), waits(key), armed, wanted,
                List.copyOf(pathOf.getOrDefault(key, Set.of())));
    }

    /**
     * Folds the records appended since the last read. The engine's list grows inside the call that returns it and is
     * read here by index, without iterating it (see {@link EngineRecords}); a slot not yet visible is read next time.
     */
    private void catchUp() {
        List<Record<?>> records = EngineRecords.live(engine);
        for (int size = records.size(); folded < size; folded++) {
            Record<?> record = records.get(folded);
            if (record == null) {
                return;
            }
            if (record.getRecordType() == RecordType.EVENT) {
                fold(record);
            }
        }
    }

    private void fold(Record<?> record) {
        if (record.getValue() instanceof ProcessInstanceRecordValue element) {
            long instance = element.getProcessInstanceKey();
            switch ((ProcessInstanceIntent) record.getIntent()) {
                // activating counts: an element the engine stopped at with an incident never gets further
                case ELEMENT_ACTIVATING, ELEMENT_ACTIVATED, ELEMENT_MIGRATED -> {
                    elements.put(record.getKey(), element);
                    elementsOf.computeIfAbsent(instance, k -> new LinkedHashSet<>()).add(record.getKey());
                    if (element.getBpmnElementType() == BpmnElementType.PROCESS) {
                        Summary summary = summaries.computeIfAbsent(instance, k -> new Summary(k,
                                element.getParentProcessInstanceKey() > 0 ? element.getParentProcessInstanceKey() : null,
                                element.getBpmnProcessId(), element.getVersion(), Instant.ofEpochMilli(record.getTimestamp())));
                        summary.bpmnProcessId = element.getBpmnProcessId(); // moved by a migration
                        summary.version = element.getVersion();
                    }
                }
                case SEQUENCE_FLOW_TAKEN -> pathOf.computeIfAbsent(instance, k -> new LinkedHashSet<>()).add(element.getElementId());
                case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
                    if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED && !NOT_WAITS.contains(element.getBpmnElementType())) {
                        pathOf.computeIfAbsent(instance, k -> new LinkedHashSet<>()).add(element.getElementId());
                    }
                    elements.remove(record.getKey());
                    Set<Long> of = elementsOf.get(instance);
                    if (of != null) {
                        of.remove(record.getKey());
                    }
                    if (element.getBpmnElementType() == BpmnElementType.PROCESS) {
                        ended(instance);
                        Summary summary = summaries.get(instance);
                        if (summary != null) {
                            summary.state = record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                                    ? InstanceState.COMPLETED : InstanceState.TERMINATED;
                            summary.endedAt = Instant.ofEpochMilli(record.getTimestamp());
                        }
                    }
                }
                default -> { }
            }
        } else if (record.getValue() instanceof TimerRecordValue timer) {
            switch ((TimerIntent) record.getIntent()) {
                case CREATED, MIGRATED -> {
                    timers.put(record.getKey(), timer);
                    timersOf.computeIfAbsent(timer.getProcessInstanceKey(), k -> new LinkedHashSet<>()).add(record.getKey());
                }
                case TRIGGERED, CANCELED -> {
                    timers.remove(record.getKey());
                    Set<Long> of = timersOf.get(timer.getProcessInstanceKey());
                    if (of != null) {
                        of.remove(record.getKey());
                    }
                }
                default -> { }
            }
        } else if (record.getValue() instanceof VariableRecordValue variable
                && (record.getIntent() == VariableIntent.CREATED || record.getIntent() == VariableIntent.UPDATED)
                && variable.getScopeKey() == variable.getProcessInstanceKey()) {
            // a start's variables are written before its process element activates: kept from the first record on
            variables.computeIfAbsent(variable.getProcessInstanceKey(), k -> new LinkedHashMap<>())
                    .put(variable.getName(), variable.getValue());
            if (InstanceReference.VARIABLES.contains(variable.getName())) {
                referencesOf.computeIfAbsent(variable.getProcessInstanceKey(), k -> new HashMap<>(4))
                        .put(variable.getName(), variable.getValue());
            }
        } else if (record.getValue() instanceof IncidentRecordValue incident) {
            if (record.getIntent() == IncidentIntent.CREATED) {
                incidentsOf.computeIfAbsent(incident.getProcessInstanceKey(), k -> new HashSet<>()).add(record.getKey());
            } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                Set<Long> open = incidentsOf.get(incident.getProcessInstanceKey());
                if (open != null && open.remove(record.getKey()) && open.isEmpty()) {
                    incidentsOf.remove(incident.getProcessInstanceKey());
                }
            }
        } else if (record.getValueType() == ValueType.PROCESS && record.getIntent() == ProcessIntent.CREATED
                && record.getValue() instanceof Process process) {
            definitions.computeIfAbsent(process.getBpmnProcessId(), k -> new HashMap<>()).put(process.getVersion(), process);
        }
    }

    /** an ended instance leaves nothing behind: what is kept is bounded by the running ones */
    private void ended(long instance) {
        Set<Long> left = elementsOf.remove(instance);
        if (left != null) {
            left.forEach(elements::remove);
        }
        Set<Long> armed = timersOf.remove(instance);
        if (armed != null) {
            armed.forEach(timers::remove);
        }
        variables.remove(instance);
        pathOf.remove(instance);
        incidentsOf.remove(instance); // the engine resolves them as it ends it
    }
}
