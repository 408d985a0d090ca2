package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.institution.InstitutionType;
import java.time.LocalDate;

/**
 * Filters of the hazard ledger (台账); every one is optional. {@code overdue}: still open (not verified or closed) with
 * the rectification deadline before today.
 */
public record HazardQuery(Long regionId, Long institutionId, InstitutionType institutionType, HazardGrade grade,
                          HazardStatus status, Boolean overdue, HazardSource source, LocalDate foundFrom,
                          LocalDate foundTo, HazardCategory category) {
}
