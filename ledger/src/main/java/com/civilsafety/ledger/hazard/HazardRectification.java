package com.civilsafety.ledger.hazard;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A rectification the institution submitted, signed by the person who submitted it. */
@Entity
@Immutable
public class HazardRectification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long hazardId;
    private Long taskId;
    private String measures;
    private String responsiblePerson;
    private BigDecimal funds;
    private LocalDate completedOn;
    private String evidence;
    private Long submittedBy;
    private Instant submittedAt;

    protected HazardRectification() {
    }

    HazardRectification(Long hazardId, Long taskId, RectificationReport report, Long submittedBy, Instant submittedAt) {
        this.hazardId = hazardId;
        this.taskId = taskId;
        this.measures = report.measures();
        this.responsiblePerson = report.responsiblePerson();
        this.funds = report.funds();
        this.completedOn = report.completedOn();
        this.evidence = report.evidence();
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getMeasures() {
        return measures;
    }

    public String getResponsiblePerson() {
        return responsiblePerson;
    }

    public BigDecimal getFunds() {
        return funds;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public String getEvidence() {
        return evidence;
    }

    public Long getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
