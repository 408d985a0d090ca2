package com.civilsafety.ledger.hazard;

/** The result of the HazardGrading decision (processes/hazard-grading.dmn), as the process hands it over. */
public record Grading(HazardGrade grade, int rectificationDays, int reminderLeadDays, SupervisionLevel supervisionLevel,
                      boolean listedSupervision, boolean emergencyMeasures, int recheckDays,
                      int escalationDays) {
}
