package com.civilsafety.ledger.hazard;

/** The grading as the ledger keeps it on the hazard: what the loop's later steps go by. */
public record GradingOnRecord(HazardGrade grade, SupervisionLevel supervisionLevel, boolean listedSupervision,
                              boolean emergencyMeasures, Integer recheckDays, Integer escalationDays) {
}
