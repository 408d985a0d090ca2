package com.civilsafety.ledger.hazard;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** An on-site verification, signed by the inspector (谁检查、谁签名、谁负责). */
@Entity
@Immutable
public class HazardVerification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long hazardId;
    private Long taskId;
    private boolean passed;
    private String opinion;
    private LocalDate newDeadline;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Acceptor acceptedBy;
    private String acceptanceOrganisation;
    private Long verifiedBy;
    private Instant verifiedAt;

    protected HazardVerification() {
    }

    HazardVerification(Long hazardId, Long taskId, VerificationResult result, Long verifiedBy, Instant verifiedAt) {
        this.hazardId = hazardId;
        this.taskId = taskId;
        this.passed = result.passed();
        this.opinion = result.opinion();
        this.newDeadline = result.newDeadline();
        this.acceptedBy = result.acceptedBy() == null ? Acceptor.INSPECTOR : result.acceptedBy();
        this.acceptanceOrganisation = result.acceptanceOrganisation();
        this.verifiedBy = verifiedBy;
        this.verifiedAt = verifiedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public boolean isPassed() {
        return passed;
    }

    public String getOpinion() {
        return opinion;
    }

    public LocalDate getNewDeadline() {
        return newDeadline;
    }

    public Acceptor getAcceptedBy() {
        return acceptedBy;
    }

    public String getAcceptanceOrganisation() {
        return acceptanceOrganisation;
    }

    public Long getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }
}
