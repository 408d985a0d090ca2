package com.civilsafety.ledger.campaign;

import java.time.OffsetDateTime;

/** When a phase starts and ends, and when those who have not submitted are next reminded (after the end if never). */
public record PhaseDates(OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime nextReminderAt) {
}
