package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.institution.InstitutionType;

/** What the grading of a hazard reads: how grave its 判定依据 is, who is exposed, where, and whether it was fixed on the spot. */
public record GradingFacts(boolean criterionMajor, boolean residentsExposed, InstitutionType institutionType,
                           HazardCategory category, boolean fixedOnSite) {
}
