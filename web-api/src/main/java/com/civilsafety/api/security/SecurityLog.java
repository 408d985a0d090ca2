package com.civilsafety.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events (ASVS 7.2), on a logger of their own ({@code civil-safety.security}) so that operations can route them
 * to their own file or SIEM: sign-ins that succeed or fail, throttled sign-ins, requests refused (401, 403, 429, and
 * requests the firewall rejects). Never a password or a token, nor a whistleblower's tracking code; user names and
 * paths are cut short and stripped of line breaks, so that nobody can write lines of their own into the log.
 */
public final class SecurityLog {
    private static final Logger log = LoggerFactory.getLogger("civil-safety.security");

    private SecurityLog() {
    }

    public static void signedIn(HttpServletRequest request, String username, String how) {
        log.info("event=SIGN_IN_SUCCEEDED user={} via={} client={}", clean(username), how, request.getRemoteAddr());
    }

    public static void signInFailed(HttpServletRequest request, String username, String why) {
        log.warn("event=SIGN_IN_FAILED user={} reason={} client={} {} {}", clean(username), why, request.getRemoteAddr(),
                request.getMethod(), path(request));
    }

    public static void signInThrottled(HttpServletRequest request, String username, long retryAfterSeconds) {
        log.warn("event=SIGN_IN_THROTTLED user={} retryAfter={}s client={} {} {}", clean(username), retryAfterSeconds,
                request.getRemoteAddr(), request.getMethod(), path(request));
    }

    public static void refused(HttpServletRequest request, int status, String why) {
        log.warn("event=REQUEST_REFUSED status={} reason={} user={} client={} {} {}", status, clean(why),
                clean(request.getRemoteUser()), request.getRemoteAddr(), request.getMethod(), path(request));
    }

    /** The path, with a whistleblower's tracking code masked: the log must not lead from a code to an address. */
    private static String path(HttpServletRequest request) {
        return clean(request.getRequestURI()).replaceAll("(/whistleblower-reports/)[^/]+", "$1***");
    }

    static String clean(String text) {
        if (text == null) {
            return "-";
        }
        // control characters (U+0085 too), any white space, and the Unicode line and paragraph separators
        String flat = text.replaceAll("[\\p{Cc}\\p{Z}\\s]+", "_");
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
