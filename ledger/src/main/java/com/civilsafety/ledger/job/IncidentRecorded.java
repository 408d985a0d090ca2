package com.civilsafety.ledger.job;

/**
 * A job ran out of retries, or the engine raised an incident itself ({@code engineRaised}), and it was recorded (its
 * {@code occurrence}-th time: a retry that failed again is another); published inside the recording transaction.
 */
public record IncidentRecorded(long incidentId, String jobType, int occurrence, boolean engineRaised) {
}
