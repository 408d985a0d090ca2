package com.civilsafety.ledger.common;

/** The request does not fit the record's current state (e.g. the task is already completed). */
public class ConflictException extends LedgerException {
    public ConflictException(String message) {
        super(message);
    }
}
