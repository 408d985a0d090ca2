package com.civilsafety.ledger.common;

/** A business rule of the ledger refused a request; the message is user-facing (Chinese). */
public abstract class LedgerException extends RuntimeException {
    protected LedgerException(String message) {
        super(message);
    }
}
