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

    protected CampaignPhase() {
    }

    CampaignPhase(Long campaignId, int ordinal, CampaignPlan.Phase phase) {
        this.campaignId = campaignId;
        this.ordinal = ordinal;
        this.kind = phase.kind();
        this.name = phase.name() == null || phase.name().isBlank() ? phase.kind().label() : phase.name().strip();
        this.startsOn = phase.startsOn();
        this.endsOn = phase.endsOn();
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
