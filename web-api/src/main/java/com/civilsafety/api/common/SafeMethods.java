package com.civilsafety.api.common;

import java.util.Set;

/**
 * The HTTP methods that change nothing (RFC 9110 §9.2.1): they need no CSRF token and are not written to the
 * 操作日志 as changes. HEAD is answered as GET, without its body.
 */
public final class SafeMethods {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private SafeMethods() {
    }

    public static boolean contains(String method) {
        return SAFE.contains(method);
    }
}
