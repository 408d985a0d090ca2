package com.civilsafety.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall (no {@code ;}, {@code //}, {@code ..}, encoded slashes or percent signs), and one
 * rule more: no percent-encoded letter, digit or {@code - . _ ~} in the path. Such characters never need encoding
 * (RFC 3986 §2.3), so a client that encodes them is spelling a path in a second way — {@code /api/%70ublic/…} for
 * {@code /api/public/…} — and every check that reads the path, here or in the web server, must not have to know all of
 * them. Encoded Chinese and other characters outside ASCII are still allowed.
 */
final class CanonicalPaths extends StrictHttpFirewall {
    private static final Pattern ENCODED_UNRESERVED = Pattern.compile(
            "%(?:[46][1-9a-fA-F]|[57][0-9aA]|3[0-9]|2[dDeE]|5[fF]|7[eE])");

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        if (ENCODED_UNRESERVED.matcher(request.getRequestURI()).find()) {
            throw new RequestRejectedException("the path encodes characters that need no encoding");
        }
        return super.getFirewalledRequest(request);
    }
}
