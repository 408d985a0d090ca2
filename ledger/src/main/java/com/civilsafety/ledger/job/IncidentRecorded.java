package com.civilsafety.ledger.job;

/** A job ran out of retries and was recorded as an incident; published inside the recording transaction. */
public record IncidentRecorded(long incidentId, String jobType) {
}
