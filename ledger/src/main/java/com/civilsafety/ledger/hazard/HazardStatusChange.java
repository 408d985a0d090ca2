package com.civilsafety.ledger.hazard;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One transition in a hazard's status history. */
@Entity
@Immutable
public class HazardStatusChange {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long hazardId;
    @Enumerated(EnumType.STRING)
    private HazardStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private HazardStatus toStatus;
    private Instant changedAt;
    private Long actorId;
    private String actorName;
    private String note;
    private Long jobKey;

    protected HazardStatusChange() {
    }

    HazardStatusChange(Long hazardId, HazardStatus fromStatus, HazardStatus toStatus, Instant changedAt,
                       Long actorId, String actorName, String note, Long jobKey) {
        this.hazardId = hazardId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedAt = changedAt;
        this.actorId = actorId;
        this.actorName = actorName;
        this.note = note;
        this.jobKey = jobKey;
    }

    public Long getId() {
        return id;
    }

    public HazardStatus getFromStatus() {
        return fromStatus;
    }

    public HazardStatus getToStatus() {
        return toStatus;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public String getNote() {
        return note;
    }
}
