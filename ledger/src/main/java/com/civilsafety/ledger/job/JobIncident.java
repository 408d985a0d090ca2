package com.civilsafety.ledger.job;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A job that ran out of retries, as its worker reported it, or an incident the engine raised itself (no job: a
 * condition no flow matches, a decision it cannot call; {@code jobKey} is then the incident's key and {@code jobType}
 * the engine's error type); resolved when someone retried it after fixing the cause.
 */
@Entity
public class JobIncident {
    public enum Status { OPEN, RESOLVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String engineEpoch;
    private long jobKey;
    private String jobType;
    private String bpmnProcessId;
    private String elementId;
    private long processInstanceKey;
    private String error;
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long resolvedBy;
    private Instant resolvedAt;
    /** how often the job ran out of retries: once, and once more after each retry that failed again */
    private int occurrences;
    private boolean engineRaised;

    protected JobIncident() {
    }

    /** an incident the engine raised without a job */
    static JobIncident raised(String engineEpoch, long incidentKey, String errorType, String bpmnProcessId, String elementId,
                              long processInstanceKey, String error, Instant occurredAt) {
        JobIncident incident = new JobIncident(engineEpoch, new ProcessStep(incidentKey, processInstanceKey, elementId, bpmnProcessId),
                errorType, error == null || error.isBlank() ? errorType : error, occurredAt);
        incident.engineRaised = true;
        return incident;
    }

    JobIncident(String engineEpoch, ProcessStep step, String jobType, String error, Instant occurredAt) {
        this.engineEpoch = engineEpoch;
        this.jobKey = step.jobKey();
        this.jobType = jobType;
        this.bpmnProcessId = step.bpmnProcessId();
        this.elementId = step.elementId();
        this.processInstanceKey = step.processInstanceKey();
        this.error = error.length() > 1000 ? error.substring(0, 1000) : error;
        this.occurredAt = occurredAt;
        this.status = Status.OPEN;
        this.occurrences = 1;
    }

    /** retried, and failed for good again */
    void reopen(String error, Instant at) {
        this.error = error.length() > 1000 ? error.substring(0, 1000) : error;
        this.occurredAt = at;
        this.status = Status.OPEN;
        this.resolvedBy = null;
        this.resolvedAt = null;
        this.occurrences++;
    }

    /** a retry the engine did not take: open as before */
    void unresolve() {
        this.status = Status.OPEN;
        this.resolvedBy = null;
        this.resolvedAt = null;
    }

    void resolve(Long by, Instant at) {
        this.status = Status.RESOLVED;
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    public Long getId() { return id; }
    public String getEngineEpoch() { return engineEpoch; }
    public long getJobKey() { return jobKey; }
    public String getJobType() { return jobType; }
    public String getBpmnProcessId() { return bpmnProcessId; }
    public String getElementId() { return elementId; }
    public long getProcessInstanceKey() { return processInstanceKey; }
    public String getError() { return error; }
    public boolean isEngineRaised() { return engineRaised; }
    public Instant getOccurredAt() { return occurredAt; }
    public Status getStatus() { return status; }
    public Long getResolvedBy() { return resolvedBy; }
    public Instant getResolvedAt() { return resolvedAt; }
    public int getOccurrences() { return occurrences; }
}
