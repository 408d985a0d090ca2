package com.civilsafety.ledger.hazard;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An extension request (延期申请) and, once decided, the bureau's decision. */
@Entity
@Table(name = "hazard_extension_request")
public class HazardExtension {
    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long hazardId;
    private LocalDate requestedDeadline;
    private String reason;
    private Long requestedBy;
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long decidedBy;
    private Instant decidedAt;
    private String opinion;
    private LocalDate approvedDeadline;

    protected HazardExtension() {
    }

    HazardExtension(Long hazardId, ExtensionRequest request, Long requestedBy, Instant requestedAt) {
        this.hazardId = hazardId;
        this.requestedDeadline = request.requestedDeadline();
        this.reason = request.reason();
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = Status.PENDING;
    }

    void decide(ExtensionDecision decision, Long decidedBy, Instant decidedAt) {
        this.status = decision.approved() ? Status.APPROVED : Status.REJECTED;
        this.approvedDeadline = decision.approved()
                ? (decision.approvedDeadline() == null ? requestedDeadline : decision.approvedDeadline()) : null;
        this.opinion = decision.opinion();
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getRequestedDeadline() {
        return requestedDeadline;
    }

    public String getReason() {
        return reason;
    }

    public Long getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Status getStatus() {
        return status;
    }

    public Long getDecidedBy() {
        return decidedBy;
    }

    public String getOpinion() {
        return opinion;
    }

    public LocalDate getApprovedDeadline() {
        return approvedDeadline;
    }
}
