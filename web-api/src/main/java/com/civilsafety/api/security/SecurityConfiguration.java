package com.civilsafety.api.security;

import com.civilsafety.api.error.ApiErrors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is stateless: every request carries its credentials — a Keycloak access token
 * ({@code civil-safety.auth.mode=keycloak}: issuer and audience checked, realm roles and the region and institution
 * claims make the {@link ActorUser}), or, on the embedded default, HTTP Basic against the ledger's local accounts.
 * The local login is refused where the {@code remote} or {@code production} profile is active. Errors are JSON problem documents like
 * every other API error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String MODE = "civil-safety.auth.mode";

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "local", matchIfMissing = true)
    SecurityFilterChain localLogin(HttpSecurity http, ApiErrors errors, Environment environment) throws Exception {
        if (environment.acceptsProfiles(Profiles.of("production | remote"))) {
            throw new IllegalStateException("本地登录不能用于生产环境（remote/production 配置）：请同时启用 keycloak 配置，"
                    + "或设置 " + MODE + "=keycloak（docs/identity.md）");
        }
        return common(http, errors)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"civil-safety\"");
                    errors.write(request, response, HttpStatus.UNAUTHORIZED, "未登录或用户名、密码错误");
                }))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "keycloak")
    SecurityFilterChain keycloakTokens(HttpSecurity http, ApiErrors errors, KeycloakActors actors) throws Exception {
        return common(http, errors)
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(actors))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"civil-safety\"");
                            errors.write(request, response, HttpStatus.UNAUTHORIZED, "未登录或登录令牌无效");
                        }))
                .build();
    }

    private static HttpSecurity common(HttpSecurity http, ApiErrors errors) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers("/actuator/**").hasRole("BUREAU_ADMIN");
                    EndpointRules.apply(auth);
                    auth.anyRequest().authenticated(); // an unknown path: 404 for a signed-in caller
                })
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        errors.write(request, response, HttpStatus.FORBIDDEN, "没有权限")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // no cookies, no sessions: nothing for a forged request to ride on
    }
}
