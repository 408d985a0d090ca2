package com.civilsafety.ledger.common;

/** A referenced record does not exist (or is outside the caller's data scope, which must not be revealed). */
public class NotFoundException extends LedgerException {
    public NotFoundException(String message) {
        super(message);
    }
}
