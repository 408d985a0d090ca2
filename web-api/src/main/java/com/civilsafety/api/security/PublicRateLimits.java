package com.civilsafety.api.security;

import com.civilsafety.api.common.ProblemResponses;
import com.civilsafety.api.ratelimit.ClientAddress;
import com.civilsafety.api.ratelimit.ClientBudgets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The endpoints open without signing in ({@link PublicBudget}) take a limited number of requests per client
 * ({@link ClientAddress}: an IPv4 address, an IPv6 /64) — reports fewer than photos, photos fewer than lookups — and
 * answer 429 with Retry-After beyond that. The budget is found from the handler
 * Spring MVC chose for the request, so a path spelled another way ({@code %70ublic}, a trailing slash, another case)
 * either reaches the same handler and the same budget or reaches none. The client is the connection's address; behind
 * the reverse proxy the {@code proxy} profile makes it the caller's (X-Forwarded-For from the trusted proxy only).
 * Uploads are read only once admitted ({@code spring.servlet.multipart.resolve-lazily}). Kept in memory, bounded, per
 * instance: a restart or a second instance starts afresh (enough against one client hammering one instance).
 */
@Configuration(proxyBeanMethods = false)
class PublicRateLimits implements HandlerInterceptor, WebMvcConfigurer {
    private static final long MAX_CLIENTS = 100_000;

    private final Map<PublicBudget.Kind, ClientBudgets> budgets = new EnumMap<>(PublicBudget.Kind.class);
    private final ProblemResponses errors;

    PublicRateLimits(ProblemResponses errors,
                     @Value("${civil-safety.public.submissions-per-window:5}") int submissions,
                     @Value("${civil-safety.public.photos-per-window:25}") int photos,
                     @Value("${civil-safety.public.lookups-per-window:60}") int lookups,
                     @Value("${civil-safety.public.window:PT10M}") Duration window) {
        this.errors = errors;
        budgets.put(PublicBudget.Kind.SUBMISSION, new ClientBudgets(submissions, window, MAX_CLIENTS));
        budgets.put(PublicBudget.Kind.PHOTO, new ClientBudgets(photos, window, MAX_CLIENTS));
        budgets.put(PublicBudget.Kind.LOOKUP, new ClientBudgets(lookups, window, MAX_CLIENTS));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(PublicBudget.class)) {
            return true;
        }
        PublicBudget.Kind kind = method.getMethodAnnotation(PublicBudget.class).value();
        OptionalLong wait = budgets.get(kind).take(ClientAddress.of(request));
        if (wait.isEmpty()) {
            return true;
        }
        SecurityLog.refused(request, 429, "public " + kind.name().toLowerCase() + " budget spent");
        response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
        long minutes = (wait.getAsLong() + 59) / 60;
        errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁，请" + minutes + "分钟后再试");
        return false;
    }
}
