package com.civilsafety.ledger.hazard;

import java.time.LocalDate;

/**
 * A hazard's rectification deadline draws near ({@code level} 0: the reminder), has passed (1: township and bureau
 * section) or has long passed (2: the leader). Published inside the transaction that records it.
 */
public record HazardDeadlineAlert(long hazardId, String code, String institutionName, String regionPath,
                                  long institutionId, LocalDate deadline, int level, boolean major) {

    static HazardDeadlineAlert of(Hazard hazard, int level) {
        return new HazardDeadlineAlert(hazard.getId(), hazard.getCode(), hazard.getInstitution().getName(),
                hazard.getRegion().getPath(), hazard.getInstitution().getId(), hazard.getRectificationDeadline(), level,
                hazard.getGrade() == HazardGrade.MAJOR);
    }
}
