package com.civilsafety.ledger.common;

/** One input field breaks a business rule that bean validation cannot express. */
public class InvalidInputException extends LedgerException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
