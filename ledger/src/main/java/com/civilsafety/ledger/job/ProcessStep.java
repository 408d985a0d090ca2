package com.civilsafety.ledger.job;

/**
 * Where in a process a worker's call comes from: recorded with every step so the engine state can be rebuilt and the
 * monitor can count steps per element. {@code bpmnProcessId} may be null where a caller does not know it.
 */
public record ProcessStep(long jobKey, long processInstanceKey, String elementId, String bpmnProcessId) {

    public ProcessStep(long jobKey, long processInstanceKey, String elementId) {
        this(jobKey, processInstanceKey, elementId, null);
    }
}
