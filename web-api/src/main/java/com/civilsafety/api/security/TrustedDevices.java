package com.civilsafety.api.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;

/**
 * Browsers a person has signed in on before ("device cookies", OWASP): after a successful sign-in through the web UI the
 * browser gets a cookie naming the account and a random id, signed with a key only the server can know — derived from
 * the account's stored password hash. A later sign-in for that account from that browser draws on a budget of its own
 * ({@link SignInThrottle}), out of reach of other people's wrong passwords. The cookie holds across restarts and
 * instances for 180 days from its signing (the date is signed with it), and is void once the password changes.
 */
final class TrustedDevices {
    static final String COOKIE = "cs_device";
    private static final Duration LIFETIME = Duration.ofDays(180);
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    TrustedDevices(Clock clock) {
        this.clock = clock;
    }

    /** The device id the request's cookie carries for this account (its stored name and password hash); else null. */
    String deviceOf(HttpServletRequest request, String account, String passwordHash) {
        String value = cookieOf(request);
        if (value == null || account == null || passwordHash == null) {
            return null;
        }
        String[] parts = value.split("\\.");
        if (parts.length != 4) {
            return null;
        }
        try {
            String named = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
            boolean valid = MessageDigest.isEqual(sign(parts[0] + "." + parts[1] + "." + parts[2], passwordHash), DECODE.decode(parts[3]));
            boolean fresh = Instant.ofEpochSecond(Long.parseLong(parts[2])).plus(LIFETIME).isAfter(clock.instant());
            return valid && fresh && named.equals(account) ? parts[1] : null;
        } catch (IllegalArgumentException e) { // not base64, not a number
            return null;
        }
    }

    /** Marks the browser as one this account signs in on. */
    void remember(String account, String passwordHash, HttpServletRequest request, HttpServletResponse response) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String payload = ENCODE.encodeToString(account.getBytes(StandardCharsets.UTF_8)) + "." + ENCODE.encodeToString(id)
                + "." + clock.instant().getEpochSecond();
        String value = payload + "." + ENCODE.encodeToString(sign(payload, passwordHash));
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, value).path("/api/session").httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").maxAge(LIFETIME).build().toString());
    }

    private static String cookieOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static byte[] sign(String payload, String passwordHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = MessageDigest.getInstance("SHA-256").digest(("cs_device:" + passwordHash).getBytes(StandardCharsets.UTF_8));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
