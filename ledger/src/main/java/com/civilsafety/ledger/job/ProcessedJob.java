package com.civilsafety.ledger.job;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** A job a worker has carried out, with the variables it returned. Always inserted, never merged. */
@Entity
public class ProcessedJob implements Persistable<Long> {
    @Id
    private Long jobKey;
    private String jobType;
    private Instant processedAt;
    private String result;
    @Transient
    private boolean isNew;

    protected ProcessedJob() {
    }

    ProcessedJob(long jobKey, String jobType, Instant processedAt, String result) {
        this.jobKey = jobKey;
        this.jobType = jobType;
        this.processedAt = processedAt;
        this.result = result;
        this.isNew = true;
    }

    @Override
    public Long getId() {
        return jobKey;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    String getResult() {
        return result;
    }
}
