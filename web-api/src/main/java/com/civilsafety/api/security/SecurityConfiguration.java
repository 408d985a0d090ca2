package com.civilsafety.api.security;

import com.civilsafety.api.error.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is stateless: every request carries its credentials (HTTP Basic against the local accounts for now).
 * Errors are JSON problem documents like every other API error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiErrors errors) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("BUREAU_ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"civil-safety\"");
                    errors.write(request, response, HttpStatus.UNAUTHORIZED, "未登录或用户名、密码错误");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        errors.write(request, response, HttpStatus.FORBIDDEN, "没有权限")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies, no sessions: nothing for a forged request to ride on
                .build();
    }
}
