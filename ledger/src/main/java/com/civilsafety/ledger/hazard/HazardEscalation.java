package com.civilsafety.ledger.hazard;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** An overdue hazard escalated (逾期督办): level 1 to the township and the bureau section, level 2 to the leader. */
@Entity
@Immutable
public class HazardEscalation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long hazardId;
    private int level;
    private Instant escalatedAt;
    private String notifiedRoles;
    private String action;
    private Long jobKey;

    protected HazardEscalation() {
    }

    HazardEscalation(Long hazardId, int level, Instant escalatedAt, String notifiedRoles, String action, Long jobKey) {
        this.hazardId = hazardId;
        this.level = level;
        this.escalatedAt = escalatedAt;
        this.notifiedRoles = notifiedRoles;
        this.action = action;
        this.jobKey = jobKey;
    }

    public int getLevel() {
        return level;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public String getNotifiedRoles() {
        return notifiedRoles;
    }

    public String getAction() {
        return action;
    }
}
