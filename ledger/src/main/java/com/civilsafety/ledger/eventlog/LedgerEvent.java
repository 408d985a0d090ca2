package com.civilsafety.ledger.eventlog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One recorded step: who did what to which record, when, and where in which process. Never changed. */
@Entity
@Immutable
public class LedgerEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private EventType type;
    private String subjectType;
    private Long subjectId;
    private Long actorId;
    private String actorName;
    private Long processInstanceKey;
    private String elementId;
    private Long jobKey;
    private String payload;

    protected LedgerEvent() {
    }

    LedgerEvent(Instant occurredAt, EventType type, String subjectType, Long subjectId, Long actorId,
                String actorName, Long processInstanceKey, String elementId, Long jobKey, String payload) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.actorId = actorId;
        this.actorName = actorName;
        this.processInstanceKey = processInstanceKey;
        this.elementId = elementId;
        this.jobKey = jobKey;
        this.payload = payload;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public EventType getType() {
        return type;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getElementId() {
        return elementId;
    }

    public Long getJobKey() {
        return jobKey;
    }

    public String getPayload() {
        return payload;
    }
}
