package com.civilsafety.ledger.attachment;

/** An upload whose bytes are not of an accepted kind (HTTP 415). */
public class UnsupportedFileException extends RuntimeException {
    public UnsupportedFileException(String message) {
        super(message);
    }
}
