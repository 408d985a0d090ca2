package com.civilsafety.api.oplog;

import com.civilsafety.api.common.SafeMethods;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.eventlog.OperationLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes the 操作日志 after each API call by a signed-in person that changes something (any method but the safe ones,
 * {@link SafeMethods}), exports
 * data (reports, downloads) or administers (/api/admin). The public whistleblower endpoints are never logged: who
 * reported, and from where, is not to be traced through the logs. A failure to log is reported, never the caller's.
 */
@Configuration(proxyBeanMethods = false)
class OperationRecorder implements HandlerInterceptor, WebMvcConfigurer {
    private static final Logger log = LoggerFactory.getLogger(OperationRecorder.class);

    private final OperationLog operations;

    OperationRecorder(OperationLog operations) {
        this.operations = operations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/public/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ActorUser user) || !worthLogging(request)) {
            return;
        }
        try {
            operations.record(user.actor(), request.getMethod(), request.getRequestURI(), request.getQueryString(),
                    response.getStatus(), request.getRemoteAddr(), OperationDetail.of(request));
        } catch (RuntimeException e) {
            log.error("operation log not written for {} {} by {}", request.getMethod(), request.getRequestURI(),
                    user.getUsername(), e);
        }
    }

    /** POSTs that change nothing: a preview asked for at every keystroke of a plan being written. */
    private static final java.util.Set<String> READ_ONLY_POSTS = java.util.Set.of("/api/campaigns/dispatch-preview");

    private static boolean worthLogging(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (READ_ONLY_POSTS.contains(path)) {
            return false;
        }
        return !SafeMethods.contains(request.getMethod()) || path.startsWith("/api/admin/") || path.startsWith("/api/reports/")
                || path.startsWith("/api/attachments/") || path.startsWith("/api/dispatch-reports/");
    }
}
