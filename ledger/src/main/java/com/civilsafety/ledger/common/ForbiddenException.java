package com.civilsafety.ledger.common;

/** The caller is known but may not do this (wrong role, outside their region or institution). */
public class ForbiddenException extends LedgerException {
    public ForbiddenException(String message) {
        super(message);
    }
}
