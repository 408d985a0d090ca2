package com.civilsafety.api.security;

import com.civilsafety.api.error.ApiErrors;
import com.civilsafety.ledger.common.DatabaseFaults;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Every request carries its credentials — a Keycloak access token ({@code civil-safety.auth.mode=keycloak}: issuer and
 * audience checked, realm roles and the region and institution claims make the {@link ActorUser}), or, on the embedded
 * default, the ledger's local accounts: HTTP Basic for scripts, or the web UI's session opened by
 * {@code POST /api/session} ({@link LocalSessions}). A session rides on a cookie, so its changes must carry the
 * session's CSRF token; a request with an Authorization header carries its own credentials and needs none.
 * The local login is refused where the {@code remote} or {@code production} profile is active. Errors are JSON problem
 * documents like every other API error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String MODE = "civil-safety.auth.mode";

    @Bean
    @Order(1)
    @ConditionalOnProperty(name = MODE, havingValue = "local", matchIfMissing = true)
    SecurityFilterChain localLogin(HttpSecurity http, ApiErrors errors, Environment environment) throws Exception {
        if (environment.acceptsProfiles(Profiles.of("production | remote"))) {
            throw new IllegalStateException("本地登录不能用于生产环境（remote/production 配置）：请同时启用 keycloak 配置，"
                    + "或设置 " + MODE + "=keycloak（docs/identity.md）");
        }
        return common(http, errors, environment)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(LocalSessions::needsCsrfToken))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (DatabaseFaults.unreachable(e)) {
                        errors.writeDatabaseAway(request, response); // the account could not be read, not a wrong password
                        return;
                    }
                    // the web UI signs in with its own form: a Basic challenge would pop up the browser's login box
                    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"civil-safety\"");
                    }
                    errors.write(request, response, HttpStatus.UNAUTHORIZED, "未登录或用户名、密码错误");
                }))
                .build();
    }

    @Bean
    @Order(1)
    @ConditionalOnProperty(name = MODE, havingValue = "keycloak")
    SecurityFilterChain keycloakTokens(HttpSecurity http, ApiErrors errors, KeycloakActors actors, Environment environment) throws Exception {
        return common(http, errors, environment)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie for a forged request to ride on
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(actors))
                        .authenticationEntryPoint((request, response, e) -> {
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
                .securityMatcher(request -> !request.getRequestURI().startsWith("/api/")
                        && !request.getRequestURI().startsWith("/actuator"))
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

    /**
     * Prometheus scrapes without signing in, but only on the management port ({@code management.server.port}), which a
     * deployment keeps on its internal network; on the public port the metrics are for the county administrator.
     */
    private static boolean scrapeOnTheManagementPort(HttpServletRequest request, Environment environment) {
        Integer port = environment.getProperty("local.management.port", Integer.class);
        return port != null && port > 0 && port == request.getLocalPort() && "/actuator/prometheus".equals(request.getRequestURI());
    }

    private static HttpSecurity common(HttpSecurity http, ApiErrors errors, Environment environment) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers(request -> scrapeOnTheManagementPort(request, environment)).permitAll()
                            .requestMatchers("/actuator/**").hasRole("BUREAU_ADMIN");
                    EndpointRules.apply(auth);
                    auth.anyRequest().authenticated(); // an unknown path: 404 for a signed-in caller
                })
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        errors.write(request, response, HttpStatus.FORBIDDEN,
                                e instanceof CsrfException ? "页面已过期，请刷新后重试" : "没有权限")));
    }
}
