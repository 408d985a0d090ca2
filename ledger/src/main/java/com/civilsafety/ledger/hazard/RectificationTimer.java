package com.civilsafety.ledger.hazard;

/** What falls due while an institution rectifies: 整改期限将至 (reminder), 整改逾期 (deadline), 逾期未改 (to the leader). */
public enum RectificationTimer {
    REMINDER, DEADLINE, SECOND_ESCALATION
}
