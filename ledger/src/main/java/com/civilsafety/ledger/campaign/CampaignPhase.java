package com.civilsafety.ledger.campaign;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** One phase of a campaign's schedule; its dates drive the campaign process's timers. */
@Entity
public class CampaignPhase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long campaignId;
    private int ordinal;
    @Enumerated(EnumType.STRING)
    private PhaseKind kind;
    private String name;
    private LocalDate startsOn;
    private LocalDate endsOn;
    @Enumerated(EnumType.STRING)
    private PhaseStatus status;
    /** The seed of its 双随机 draw, recorded so that anyone can re-run it (一公开). */
    private Long drawSeed;

    protected CampaignPhase() {
    }

    CampaignPhase(Long campaignId, int ordinal, CampaignPlan.Phase phase) {
        this.campaignId = campaignId;
        this.ordinal = ordinal;
        this.kind = phase.kind();
        this.name = phase.name() == null || phase.name().isBlank() ? phase.kind().label() : phase.name().strip();
        this.startsOn = phase.startsOn();
        this.endsOn = phase.endsOn();
        this.status = PhaseStatus.PLANNED;
    }

    void open(Long drawSeed) {
        this.status = PhaseStatus.OPEN;
        this.drawSeed = drawSeed;
    }

    void close() {
        this.status = PhaseStatus.CLOSED;
    }

    void reschedule(LocalDate startsOn, LocalDate endsOn) {
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public PhaseStatus getStatus() {
        return status;
    }

    public Long getDrawSeed() {
        return drawSeed;
    }

    /** The phase's work slot in campaign_work. */
    public String slot() {
        return "P" + ordinal;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public PhaseKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }
}
