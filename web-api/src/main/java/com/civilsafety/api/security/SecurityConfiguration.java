package com.civilsafety.api.security;

import com.civilsafety.api.common.ProblemResponses;
import com.civilsafety.api.common.SafeMethods;
import com.civilsafety.ledger.common.DatabaseFaults;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every request carries its credentials — a Keycloak access token ({@code civil-safety.auth.mode=keycloak}: issuer and
 * audience checked, realm roles and the region and institution claims make the {@link ActorUser}), or, on the embedded
 * default, the ledger's local accounts: HTTP Basic for scripts (no session is made for it), or the web UI's session
 * opened by {@code POST /api/session} ({@link LocalSessions}), whose changes must carry the session's CSRF token. Both
 * local paths check passwords through one throttled check ({@link ThrottledPasswords}). The local login is refused
 * where the {@code remote} or {@code production} profile is active.
 * <p>Deny by default: an endpoint, with each of its methods, is reachable only through its rule in {@link EndpointRules}
 * (HEAD with its GET); anything else is refused. Paths are matched as Spring MVC will route them, after decoding, and
 * a path with needlessly encoded characters is rejected before ({@link CanonicalPaths}). Errors are JSON problem
 * documents like every other API error; refusals go to the {@link SecurityLog}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String MODE = "civil-safety.auth.mode";
    private static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
    /** Sign-in starts a new session, and the public form uses none: neither needs a session's CSRF token. */
    private static final RequestMatcher NO_SESSION_USED = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/session"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/public/**"));

    /** The local login's pieces, shared by the filter chain and the sign-in endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = MODE, havingValue = "local", matchIfMissing = true)
    static class LocalLogin {
        @Bean
        TrustedDevices trustedDevices(Clock clock) {
            return new TrustedDevices(clock);
        }

        @Bean
        ThrottledPasswords throttledPasswords(LocalAccounts accounts, PasswordEncoder encoder, TrustedDevices devices,
                                              @Value("${civil-safety.sign-in.tries-per-account-and-client:5}") int perPair,
                                              @Value("${civil-safety.sign-in.failures-per-account:20}") int perAccount,
                                              @Value("${civil-safety.sign-in.failures-per-client:30}") int perClient,
                                              @Value("${civil-safety.sign-in.tries-per-trusted-browser:10}") int perDevice) {
            return new ThrottledPasswords(accounts, encoder, devices, new SignInThrottle(perPair, perAccount, perClient, perDevice));
        }

        /** Spring's default: the session (for the sign-in form), and the request, which async dispatches of a streamed
         *  download see again (HTTP Basic keeps its sign-in there only). */
        @Bean
        SecurityContextRepository securityContextRepository() {
            return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                    new HttpSessionSecurityContextRepository());
        }

        @Bean
        CsrfTokenRepository csrfTokenRepository() {
            return new HttpSessionCsrfTokenRepository();
        }

        @Bean
        SessionAuthenticationStrategy sessionAuthenticationStrategy(CsrfTokenRepository csrfTokens) {
            CsrfAuthenticationStrategy newToken = new CsrfAuthenticationStrategy(csrfTokens);
            newToken.setRequestHandler(new HeaderOnlyCsrfTokens());
            return new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(), newToken));
        }
    }

    @Bean
    @Order(1)
    @ConditionalOnProperty(name = MODE, havingValue = "local", matchIfMissing = true)
    SecurityFilterChain localLogin(HttpSecurity http, ProblemResponses errors, Environment environment, ThrottledPasswords passwords,
                                   SecurityContextRepository sessions, CsrfTokenRepository csrfTokens) throws Exception {
        if (environment.acceptsProfiles(Profiles.of("production | remote"))) {
            throw new IllegalStateException("本地登录不能用于生产环境（remote/production 配置）：请同时启用 keycloak 配置，"
                    + "或设置 " + MODE + "=keycloak（docs/identity.md）");
        }
        return common(http, errors, environment)
                .authenticationManager(new ProviderManager(passwords))
                .securityContext(context -> context.securityContextRepository(sessions))
                // sessions start only at the sign-in form (LocalSessions applies the session strategy there). Setting a
                // creation policy here would add a filter applying it to every signed-in request: each HTTP Basic call
                // would get a session of its own (the default policy, if required, is the one wanted)
                .sessionManagement(session -> session.requireExplicitAuthenticationStrategy(true))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new HeaderOnlyCsrfTokens())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .httpBasic(basic -> basic
                        .authenticationDetailsSource(ThrottledPasswords.details())
                        // a Basic request carries its credentials each time: nothing of it is kept in a session
                        .securityContextRepository(new RequestAttributeSecurityContextRepository())
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response, e, errors)))
                .build();
    }

    @Bean
    @Order(1)
    @ConditionalOnProperty(name = MODE, havingValue = "keycloak")
    SecurityFilterChain keycloakTokens(HttpSecurity http, ProblemResponses errors, KeycloakActors actors, Environment environment) throws Exception {
        return common(http, errors, environment)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie for a forged request to ride on
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(actors))
                        .authenticationEntryPoint((request, response, e) -> {
                            SecurityLog.refused(request, 401, "no-valid-token");
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"civil-safety\"");
                            errors.write(request, response, HttpStatus.UNAUTHORIZED, "未登录或登录令牌无效");
                        }))
                .build();
    }

    /**
     * The web UI's pages and bundles: public files (the API guards the data), sent with headers that keep the page
     * from being framed or fed scripts from elsewhere. Styles may be inline (Element Plus, bpmn-js set them); the page
     * talks only to this server and, under Keycloak, to the realm.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain webUi(HttpSecurity http,
                              @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) throws Exception {
        String keycloak = issuer.isBlank() ? "" : " " + URI.create(issuer).resolve("/").toString().replaceAll("/$", "");
        return http
                .securityMatcher(new NegatedRequestMatcher(API))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()) // nothing here changes anything
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable()) // the bundles' own caching (SinglePageApp) stays
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                                + "connect-src 'self'" + keycloak + "; frame-src 'self'" + keycloak
                                + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'" + keycloak)))
                .build();
    }

    /** Requests with needlessly encoded paths are turned away before any chain sees them, as a 400 problem document. */
    @Bean
    WebSecurityCustomizer canonicalPaths(ProblemResponses errors) {
        return web -> web.httpFirewall(new CanonicalPaths())
                .requestRejectedHandler(rejectedAsBadRequest(errors));
    }

    private static RequestRejectedHandler rejectedAsBadRequest(ProblemResponses errors) {
        return (request, response, e) -> {
            SecurityLog.refused(request, 400, e.getMessage());
            errors.write(request, response, HttpStatus.BAD_REQUEST, "请求地址不规范，请检查后重试");
        };
    }

    /**
     * A change needs the session's CSRF token when it could be forged: whenever it comes with a live session cookie —
     * whatever other headers it has — and whenever a browser says it comes from another site (Sec-Fetch-Site, Origin),
     * as a browser that once showed the Basic login box sends those credentials along too. A script's HTTP Basic or
     * bearer request, from no site at all, makes no session and needs none.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        if (SafeMethods.contains(request.getMethod())) {
            return false;
        }
        if (NO_SESSION_USED.matches(request)) {
            return false;
        }
        return request.getRequestedSessionId() != null && request.isRequestedSessionIdValid() || fromAnotherSite(request);
    }

    private static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getServerName()
                + ((request.getScheme().equals("http") && request.getServerPort() == 80)
                || (request.getScheme().equals("https") && request.getServerPort() == 443) ? "" : ":" + request.getServerPort());
        return !origin.equalsIgnoreCase(own);
    }

    /** The token is read from the X-CSRF-TOKEN header only: a query parameter would end up in logs and the operation log. */
    private static final class HeaderOnlyCsrfTokens extends CsrfTokenRequestAttributeHandler {
        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, org.springframework.security.web.csrf.CsrfToken token) {
            return request.getHeader(token.getHeaderName());
        }
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
                                     ProblemResponses errors) throws IOException {
        if (DatabaseFaults.unreachable(e)) {
            errors.writeDatabaseAway(request, response); // the account could not be read, not a wrong password
            return;
        }
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.detail());
            return;
        }
        SecurityLog.refused(request, 401, "not-signed-in");
        // the web UI signs in with its own form: a Basic challenge would pop up the browser's login box
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"civil-safety\"");
        }
        errors.write(request, response, HttpStatus.UNAUTHORIZED, "未登录或用户名、密码错误");
    }

    /**
     * A signed-in caller refused: a change without its session's CSRF token; an address or method no rule names (deny
     * by default — said as "no such endpoint" or "method not supported", nothing having run); or a rule that does not
     * include the caller's role.
     */
    private static void refused(HttpServletRequest request, HttpServletResponse response, Exception e, ProblemResponses errors)
            throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (e instanceof CsrfException) {
            SecurityLog.refused(request, 403, "csrf-token-missing-or-wrong");
            errors.write(request, response, HttpStatus.FORBIDDEN, "页面已过期，请刷新后重试");
        } else if (path.startsWith("/api/") && EndpointRules.of(HttpMethod.valueOf(request.getMethod()), path).isEmpty()) {
            boolean known = EndpointRules.knows(path);
            SecurityLog.refused(request, known ? 405 : 404, "no-rule-for-this-method-or-path");
            errors.write(request, response, known ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.NOT_FOUND,
                    known ? "接口不支持 " + request.getMethod() + " 方法" : "接口不存在：" + path);
        } else {
            SecurityLog.refused(request, 403, "role-not-in-the-rule");
            errors.write(request, response, HttpStatus.FORBIDDEN, "没有权限");
        }
    }

    /**
     * Prometheus scrapes without signing in, but only on the management port ({@code management.server.port}), which a
     * deployment keeps on its internal network; on the public port the metrics are for the county administrator.
     */
    private static boolean scrapeOnTheManagementPort(HttpServletRequest request, Environment environment) {
        Integer port = environment.getProperty("local.management.port", Integer.class);
        Integer serverPort = environment.getProperty("local.server.port", Integer.class);
        return port != null && port > 0 && !port.equals(serverPort) && port == request.getLocalPort()
                && "/actuator/prometheus".equals(request.getRequestURI());
    }

    private static HttpSecurity common(HttpSecurity http, ProblemResponses errors, Environment environment) throws Exception {
        return http
                .securityMatcher(API)
                .requestCache(cache -> cache.disable()) // an API remembers no request to return to (and makes no session for it)
                .logout(logout -> logout.disable()) // signing out of a local session is DELETE /api/session
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET,
                                    "/actuator/health/**"),
                                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/info"))
                            .permitAll()
                            .requestMatchers(request -> scrapeOnTheManagementPort(request, environment)).permitAll()
                            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET,
                                    "/actuator/**")).hasRole("BUREAU_ADMIN");
                    EndpointRules.apply(auth);
                    auth.anyRequest().denyAll(); // deny by default: a method or path without a rule is refused
                })
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> refused(request, response, e, errors)));
    }
}
