package com.civilsafety.ledger.campaign;

import java.time.OffsetDateTime;

/** When a deliverable is opened to those who owe it, when they are reminded, and when it is due. */
public record DeliverableDates(OffsetDateTime opensAt, OffsetDateTime remindAt, OffsetDateTime dueAt) {
}
