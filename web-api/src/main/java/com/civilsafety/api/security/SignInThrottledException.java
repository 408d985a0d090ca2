package com.civilsafety.api.security;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords ({@link SignInThrottle}): the attempt was refused unchecked; try again after a while. */
public final class SignInThrottledException extends AuthenticationException {
    private final long retryAfterSeconds;

    SignInThrottledException(long retryAfterSeconds) {
        super("sign-in throttled");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** What the person is told. */
    public String detail() {
        long minutes = (retryAfterSeconds + 59) / 60;
        return "密码错误次数过多，请" + minutes + "分钟后再试";
    }
}
