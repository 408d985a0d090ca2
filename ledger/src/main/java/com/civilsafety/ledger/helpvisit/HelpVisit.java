package com.civilsafety.ledger.helpvisit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** 帮扶指导: a visit to help an institution put its safety in order, signed by who recorded it. */
@Entity
public class HelpVisit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long institutionId;
    /** The institution's township, copied so that the figures and the scope need no join. */
    private Long regionId;
    private LocalDate visitedOn;
    private String visitors;
    private String content;
    private Long recordedBy;
    private Instant recordedAt;

    protected HelpVisit() {
    }

    HelpVisit(long institutionId, long regionId, HelpVisitReport report, long recordedBy, Instant recordedAt) {
        this.institutionId = institutionId;
        this.regionId = regionId;
        this.visitedOn = report.visitedOn();
        this.visitors = report.visitors().strip();
        this.content = report.content().strip();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public Long getRegionId() {
        return regionId;
    }

    public LocalDate getVisitedOn() {
        return visitedOn;
    }

    public String getVisitors() {
        return visitors;
    }

    public String getContent() {
        return content;
    }

    public Long getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
