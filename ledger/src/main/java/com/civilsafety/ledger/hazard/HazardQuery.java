package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.institution.InstitutionType;
import java.time.LocalDate;

/**
 * Filters of the hazard ledger (台账); every one is optional. {@code overdue}: 逾期 today ({@link HazardStatus#overdueOn}:
 * not closed, the rectification deadline before today). {@code keyword}: text found in the hazard's code, its institution's name,
 * its description or its location (case ignored).
 * <p>
 * Four filters select what a figure of the statistics counts (docs/statistics.md), so that a figure opens the list of
 * exactly its hazards: {@code listedSupervision} (挂牌督办, whatever the status), {@code closedBy} (销号 by the end of
 * that China day) and {@code overdueOn} (逾期 at the end of that day: found by then, the deadline before it, not closed
 * by its end: {@code overdue} for a day other than today) and {@code openOn} (未整改: not closed by the end of that day).
 */
public record HazardQuery(Long regionId, Long institutionId, InstitutionType institutionType, HazardGrade grade,
                          HazardStatus status, Boolean overdue, HazardSource source, LocalDate foundFrom,
                          LocalDate foundTo, HazardCategory category, String keyword, Boolean listedSupervision,
                          LocalDate closedBy, LocalDate overdueOn, LocalDate openOn) {
    /** Longer than any code or name; a description is searched by a part of it. */
    public static final int MAX_KEYWORD = 100;
}
