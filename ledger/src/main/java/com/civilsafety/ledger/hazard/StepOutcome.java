package com.civilsafety.ledger.hazard;

/**
 * What recording a person's step in the loop decided: new rectification dates (after 五落实, a failed verification
 * or an extension decision), whether the verification passed, whether the 回头看 found the hazard back. Each is null
 * when the step does not decide it.
 */
public record StepOutcome(RectificationDates dates, Boolean verificationPassed, Boolean rebound) {
    static final StepOutcome NOTHING = new StepOutcome(null, null, null);

    static StepOutcome dates(RectificationDates dates) {
        return new StepOutcome(dates, null, null);
    }
}
