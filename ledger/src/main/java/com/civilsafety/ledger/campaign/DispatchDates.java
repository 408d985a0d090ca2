package com.civilsafety.ledger.campaign;

import java.time.OffsetDateTime;

/**
 * A month's dispatch: when the townships' reports open, are reminded and are due, and when the county's consolidated
 * report is due.
 */
public record DispatchDates(OffsetDateTime opensAt, OffsetDateTime remindAt, OffsetDateTime dueAt,
                            OffsetDateTime countyDueAt) {
}
