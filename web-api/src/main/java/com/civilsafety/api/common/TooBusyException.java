package com.civilsafety.api.common;

/** Work of this kind is already running at its bound; answered 503 with Retry-After by ApiErrors. */
public class TooBusyException extends RuntimeException {
    private final long retryAfterSeconds;

    public TooBusyException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
