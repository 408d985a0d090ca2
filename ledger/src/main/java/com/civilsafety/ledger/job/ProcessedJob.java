package com.civilsafety.ledger.job;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** A job a worker has carried out, with the variables it returned. Always inserted, never merged. */
@Entity
public class ProcessedJob implements Persistable<ProcessedJob.Key> {

    /** A job key is unique only within one engine epoch (see V5__engine_epoch.sql). */
    @Embeddable
    public record Key(String engineEpoch, Long jobKey) implements Serializable {
    }

    @EmbeddedId
    private Key id;
    private String jobType;
    private Instant processedAt;
    private String result;
    private String bpmnProcessId;
    private String elementId;
    private Long processInstanceKey;
    /** the engine's version of the process the instance ran when the step was recorded, or was migrated to since */
    private Integer processVersion;
    @Transient
    private boolean isNew;

    protected ProcessedJob() {
    }

    ProcessedJob(Key id, String jobType, Instant processedAt, String result, ProcessStep step) {
        this.id = id;
        this.jobType = jobType;
        this.processedAt = processedAt;
        this.result = result;
        this.bpmnProcessId = step.bpmnProcessId();
        this.elementId = step.elementId();
        this.processInstanceKey = step.processInstanceKey();
        this.processVersion = step.processVersion() > 0 ? step.processVersion() : null;
        this.isNew = true;
    }

    @Override
    public Key getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    String getResult() {
        return result;
    }
}
