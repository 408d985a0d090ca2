package com.civilsafety.ledger.job;

/**
 * Where in a process a worker's call comes from: recorded with every step so the engine state can be rebuilt, the
 * monitor can count steps per element and a migration knows which version each instance runs.
 * {@code bpmnProcessId} may be null where a caller does not know it, {@code processVersion} 0.
 */
public record ProcessStep(long jobKey, long processInstanceKey, String elementId, String bpmnProcessId, int processVersion) {

    public ProcessStep(long jobKey, long processInstanceKey, String elementId, String bpmnProcessId) {
        this(jobKey, processInstanceKey, elementId, bpmnProcessId, 0);
    }

    public ProcessStep(long jobKey, long processInstanceKey, String elementId) {
        this(jobKey, processInstanceKey, elementId, null);
    }
}
