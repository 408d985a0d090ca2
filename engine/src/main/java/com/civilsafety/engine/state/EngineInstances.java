package com.civilsafety.engine.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine itself holds of running instances: where they wait, which timers are armed and when they fire.
 * gRPC has no query for it: the embedded engine reads its own record stream; against a cluster there is no such
 * bean and Operate shows it.
 */
public interface EngineInstances {
    record ArmedTimer(String elementId, Instant dueAt) {
    }

    /**
     * A running instance: its process and version, the elements active in it (the process itself and multi-instance
     * bodies left out), the timers armed in it, the values of the variables asked for, as JSON, and the path it took:
     * the elements it completed, in order, each once.
     */
    record RunningInstance(long processInstanceKey, Long parentProcessInstanceKey, String bpmnProcessId, int version,
                           List<String> activeElements, List<ArmedTimer> timers, Map<String, String> variables,
                           List<String> path) {
    }

    /** Where a process instance stands: running, ended at an end event, or cancelled (terminated). */
    enum InstanceState { ACTIVE, COMPLETED, TERMINATED }

    /**
     * A process instance the engine ran, running or ended; {@code incident}: one is open in it now; {@code waits}: the
     * elements it is at now (empty once ended); {@code about}: the ledger records its variables named.
     */
    record InstanceSummary(long processInstanceKey, Long parentProcessInstanceKey, String bpmnProcessId, int version,
                           InstanceState state, Instant startedAt, Instant endedAt, boolean incident, List<String> waits,
                           InstanceReference about) {
    }

    /** Every process instance this engine has run since it started, running or ended, oldest first, read at once. */
    List<InstanceSummary> summaries();

    /** One instance of {@link #summaries()}, found by its key; empty if this engine has run none under it. */
    java.util.Optional<InstanceSummary> summary(long processInstanceKey);

    /** Every running process instance's key with its process id, read at once. */
    Map<Long, String> running();

    /** The instance and every instance it called, directly or not, while they run; empty once the instance ended. */
    List<RunningInstance> family(long processInstanceKey, List<String> variableNames);

    /** These instances (not what they called) while they run, with all their process-level variables, read at once. */
    Map<Long, RunningInstance> instances(java.util.Set<Long> processInstanceKeys);

    /**
     * Each element's name (its id where it has none) in the definition the engine deployed: the given version of the
     * process, or its latest for a version below 1. Empty if the engine has no such definition.
     */
    Map<String, String> elementNames(String bpmnProcessId, int version);

    /** The name of the process in the definition the engine deployed (as {@link #elementNames}); empty if none or unnamed. */
    java.util.Optional<String> processName(String bpmnProcessId, int version);

    /** The BPMN XML of the definition the engine deployed (its latest for a version below 1); empty if none. */
    java.util.Optional<String> definition(String bpmnProcessId, int version);
}
