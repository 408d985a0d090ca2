package com.civilsafety.ledger.hazard;

import java.time.LocalDate;

/**
 * A decision the institution must hear of: its rectification failed verification ({@code granted} false, a new
 * {@code deadline}), or its extension request was decided ({@code granted}, the {@code deadline} that now holds).
 * Published inside the transaction that records it; {@code taskId} the decision's task (one decision each).
 */
public record HazardDecided(long hazardId, long taskId, Kind kind, boolean granted, LocalDate deadline, String opinion,
                            String code, String institutionName, String regionPath, long institutionId) {

    public enum Kind { VERIFICATION, EXTENSION }

    static HazardDecided of(Hazard hazard, long taskId, Kind kind, boolean granted, String opinion) {
        return new HazardDecided(hazard.getId(), taskId, kind, granted, hazard.getRectificationDeadline(), opinion,
                hazard.getCode(), hazard.getInstitution().getName(), hazard.getRegion().getPath(), hazard.getInstitution().getId());
    }
}
