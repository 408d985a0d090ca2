package com.civilsafety.api.hazard;

import com.civilsafety.ledger.hazard.Hazard;
import java.time.LocalDate;

/** A row of the hazard ledger (隐患台账). */
public record HazardSummary(long id, String code, String status, String statusLabel, String grade, String gradeLabel,
                            long institutionId, String institutionName, String institutionType, String township,
                            String category, String categoryLabel, String source, String description,
                            LocalDate foundOn, LocalDate rectificationDeadline, int escalationLevel,
                            boolean listedSupervision) {

    static HazardSummary of(Hazard h) {
        return new HazardSummary(h.getId(), h.getCode(), h.getStatus().name(), h.getStatus().label(),
                h.getGrade() == null ? null : h.getGrade().name(), h.getGrade() == null ? null : h.getGrade().label(),
                h.getInstitution().getId(), h.getInstitution().getName(), h.getInstitution().getType().name(),
                h.getRegion().getName(), h.getCategory().name(), h.getCategory().label(), h.getSource().name(),
                h.getDescription(), h.getFoundOn(), h.getRectificationDeadline(), h.getEscalationLevel(),
                h.isListedSupervision());
    }
}
