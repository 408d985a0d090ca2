package com.civilsafety.api.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the platform is not ready — starting (the embedded engine's instances are rebuilt from the ledger before it
 * is: EmbeddedEngineRebuild), or stopping, as at the daily engine recycle — a change is refused with 503 and a
 * message, and the page keeps what was filled in: a hazard reported while the rebuild reads the ledger could be
 * started twice, and a step completed while the context closes could reach an engine that is going. Reads go through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class StartingUpRefusal extends OncePerRequestFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ObjectProvider<ApplicationAvailability> availability;
    private final ProblemResponses errors;

    public StartingUpRefusal(ObjectProvider<ApplicationAvailability> availability, ProblemResponses errors) {
        this.availability = availability;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApplicationAvailability state = availability.getIfAvailable();
        if (state != null && state.getReadinessState() == ReadinessState.REFUSING_TRAFFIC) {
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemResponses.RETRY_AFTER_SECONDS);
            errors.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "系统正在启动或例行维护重启，暂不能提交，请约1分钟后再试（已填写的内容仍在页面上）");
            return;
        }
        chain.doFilter(request, response);
    }
}
