package com.civilsafety.ledger.job;

/**
 * A job ran out of retries and was recorded as an incident (its {@code occurrence}-th time: a retry that failed again
 * is another); published inside the recording transaction.
 */
public record IncidentRecorded(long incidentId, String jobType, int occurrence) {
}
