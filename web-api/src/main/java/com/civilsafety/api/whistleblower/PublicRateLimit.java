package com.civilsafety.api.whistleblower;

import com.civilsafety.api.error.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public endpoints (no login) take a limited number of requests per client in a sliding window — submissions
 * fewer than status lookups — and answer 429 beyond that. The client is the connection's address: behind a reverse
 * proxy, set {@code server.forward-headers-strategy} so that it is the caller's, not the proxy's. Kept in memory: a
 * restart or a second instance starts afresh (enough against a script hammering one instance; docs/identity.md).
 */
@Component
class PublicRateLimit extends OncePerRequestFilter {
    private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();
    private final ApiErrors errors;
    private final Clock clock;
    private final int submissions;
    private final int lookups;
    private final Duration window;

    PublicRateLimit(ApiErrors errors, Clock clock,
                    @Value("${civil-safety.public.submissions-per-window:5}") int submissions,
                    @Value("${civil-safety.public.lookups-per-window:60}") int lookups,
                    @Value("${civil-safety.public.window:PT10M}") Duration window) {
        this.errors = errors;
        this.clock = clock;
        this.submissions = submissions;
        this.lookups = lookups;
        this.window = window;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/public/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean submission = !"GET".equals(request.getMethod());
        if (!admit((submission ? "S:" : "L:") + request.getRemoteAddr(), submission ? submissions : lookups)) {
            response.setHeader("Retry-After", String.valueOf(window.toSeconds()));
            errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁，请稍后再试");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean admit(String client, int limit) {
        Instant now = clock.instant();
        Deque<Instant> times = seen.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
