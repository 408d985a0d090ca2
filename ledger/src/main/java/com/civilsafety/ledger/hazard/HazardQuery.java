package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.institution.InstitutionType;
import java.time.LocalDate;

/**
 * Filters of the hazard ledger (台账); every one is optional. {@code overdue}: still open (not verified or closed) with
 * the rectification deadline before today. {@code keyword}: text found in the hazard's code, its institution's name,
 * its description or its location (case ignored).
 */
public record HazardQuery(Long regionId, Long institutionId, InstitutionType institutionType, HazardGrade grade,
                          HazardStatus status, Boolean overdue, HazardSource source, LocalDate foundFrom,
                          LocalDate foundTo, HazardCategory category, String keyword) {
    /** Longer than any code or name; a description is searched by a part of it. */
    public static final int MAX_KEYWORD = 100;
}
