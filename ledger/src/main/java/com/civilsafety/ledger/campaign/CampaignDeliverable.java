package com.civilsafety.ledger.campaign;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** Something owed to the campaign by a date (乡镇专项方案 by 05-25, 阶段性总结 by 08-03 …). */
@Entity
public class CampaignDeliverable {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long campaignId;
    @Enumerated(EnumType.STRING)
    private DeliverableKind kind;
    private String name;
    private LocalDate dueOn;
    private LocalDate opensOn;
    @Enumerated(EnumType.STRING)
    private PhaseStatus status;

    protected CampaignDeliverable() {
    }

    CampaignDeliverable(Long campaignId, CampaignPlan.Deliverable deliverable) {
        this.campaignId = campaignId;
        this.kind = deliverable.kind();
        this.name = deliverable.name() == null || deliverable.name().isBlank() ? deliverable.kind().label()
                : deliverable.name().strip();
        this.dueOn = deliverable.dueOn();
        this.status = PhaseStatus.PLANNED;
    }

    CampaignDeliverable opensOn(LocalDate opensOn) {
        this.opensOn = opensOn;
        return this;
    }

    void open() {
        this.status = PhaseStatus.OPEN;
    }

    void close() {
        this.status = PhaseStatus.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public PhaseStatus getStatus() {
        return status;
    }

    public String slot() {
        return "D" + id;
    }

    public DeliverableKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }
}
