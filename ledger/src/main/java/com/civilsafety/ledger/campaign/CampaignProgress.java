package com.civilsafety.ledger.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * How far a campaign's work has come: per phase and deliverable, per township and institution type — owed,
 * submitted, late (submitted after its date, or still open past it) and still open.
 */
public record CampaignProgress(long campaignId, List<Slot> slots) {

    public record Slot(String slot, String name, String work, String workLabel, LocalDate dueOn, String status,
                       Counts total, List<Row> rows) {
    }

    public record Row(long regionId, String region, String institutionType, Counts counts) {
    }

    public record Counts(long owed, long submitted, long late, long open) {
        Counts plus(Counts other) {
            return new Counts(owed + other.owed, submitted + other.submitted, late + other.late, open + other.open);
        }
    }
}
