package com.civilsafety.api.security;

import com.civilsafety.api.error.ApiErrors;
import com.civilsafety.ledger.common.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web UI's sign-in on the embedded default (local accounts): {@code POST /api/session} checks the password once
 * and keeps the signed-in person in an HTTP session (cookie HttpOnly, SameSite=Strict); {@code DELETE /api/session}
 * signs out. Repeated wrong passwords for one user name from one client are refused for a while, so that a password
 * cannot be guessed through the form. Under Keycloak the UI signs in at Keycloak instead and this does not exist.
 */
@RestController
@ConditionalOnProperty(name = SecurityConfiguration.MODE, havingValue = "local", matchIfMissing = true)
class LocalSessions {
    static final int FAILURES_ALLOWED = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(10);

    record SignIn(@NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名不能超过64字") String username,
                  @NotBlank(message = "请输入密码") @Size(max = 128, message = "密码不能超过128字") String password) {
    }

    private record Failures(int count, Instant since) {
    }

    private final DaoAuthenticationProvider passwords;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    /** the CSRF filter's default store: tokens kept in the session */
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ApiErrors errors;

    LocalSessions(LocalAccounts accounts, PasswordEncoder encoder, Clock clock, ApiErrors errors) {
        this.errors = errors;
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.clock = clock;
    }

    /** Changes made in a session ride on its cookie: they need the session's CSRF token. */
    static boolean needsCsrfToken(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        String path = request.getRequestURI();
        if (path.startsWith("/api/public/") || ("POST".equals(method) && "/api/session".equals(path))) {
            return false; // no session is used: the public form, and signing in (which starts a new session)
        }
        // only a live session can sign a request in by its cookie; without one the request is simply not signed in (401)
        return request.getHeader("Authorization") == null
                && request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
    }

    @PostMapping("/api/session")
    ResponseEntity<MeController.Me> signIn(@Valid @RequestBody SignIn form, HttpServletRequest request,
                                           HttpServletResponse response) throws IOException {
        String key = form.username().strip() + "@" + request.getRemoteAddr();
        Instant now = clock.instant();
        Failures seen = failures.get(key);
        if (seen != null && seen.count() >= FAILURES_ALLOWED && seen.since().plus(LOCKOUT).isAfter(now)) {
            response.setHeader("Retry-After", String.valueOf(Duration.between(now, seen.since().plus(LOCKOUT)).toSeconds()));
            errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "密码错误次数过多，请" + LOCKOUT.toMinutes() + "分钟后再试");
            return null; // answered
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(form.username().strip(), form.password()));
        } catch (DisabledException e) {
            throw new InvalidInputException("username", "该账号已停用，请联系县局管理员");
        } catch (BadCredentialsException e) {
            failures.merge(key, new Failures(1, now), (old, one) ->
                    old.since().plus(LOCKOUT).isAfter(now) ? new Failures(old.count() + 1, old.since()) : one);
            throw new InvalidInputException("password", "用户名或密码错误");
        }
        failures.remove(key);
        var old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a new session id at sign-in: a session planted before cannot be taken over
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        ActorUser user = (ActorUser) signedIn.getPrincipal();
        // a token of the new session (one looked up before signing in belonged to the old one, or to none)
        CsrfToken token = csrfTokens.generateToken(request);
        csrfTokens.saveToken(token, request, response);
        return ResponseEntity.ok(MeController.me(user, token));
    }

    @DeleteMapping("/api/session")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }
}
