package com.civilsafety.ledger.hazard;

/**
 * The result of the HazardGrading decision (processes/hazard-grading.dmn), as the process hands it over; {@code rule}:
 * the description of the rule that matched (null where a revised table does not give it).
 */
public record Grading(HazardGrade grade, int rectificationDays, int reminderLeadDays, SupervisionLevel supervisionLevel,
                      boolean listedSupervision, boolean emergencyMeasures, int recheckDays,
                      int escalationDays, String rule) {

    /** a grading without the rule's words (as tests and tables that do not give them have it) */
    public Grading(HazardGrade grade, int rectificationDays, int reminderLeadDays, SupervisionLevel supervisionLevel,
                   boolean listedSupervision, boolean emergencyMeasures, int recheckDays, int escalationDays) {
        this(grade, rectificationDays, reminderLeadDays, supervisionLevel, listedSupervision, emergencyMeasures, recheckDays,
                escalationDays, null);
    }
}
