package com.civilsafety.ledger.hazard;

/** The new case a rebounded hazard was opened as, with what its grading reads. */
public record Reopened(long hazardId, GradingFacts facts) {
}
