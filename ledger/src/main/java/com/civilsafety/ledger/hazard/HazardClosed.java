package com.civilsafety.ledger.hazard;

/** Published when a hazard is closed (销号). */
public record HazardClosed(long hazardId) {
}
