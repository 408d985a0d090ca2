package com.civilsafety.ledger.campaign;

import java.time.OffsetDateTime;

/** A phase's reminder sent: to how many, and when the next one is due (after the phase's end if none is left). */
public record PhaseReminder(int reminded, OffsetDateTime nextReminderAt) {
}
