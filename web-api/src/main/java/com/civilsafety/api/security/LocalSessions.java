package com.civilsafety.api.security;

import com.civilsafety.ledger.campaign.BureauSections;
import com.civilsafety.ledger.common.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web UI's sign-in on the embedded default (local accounts): {@code POST /api/session} checks the password through
 * the same throttled check as HTTP Basic ({@link ThrottledPasswords}) and keeps the person in an HTTP session (cookie
 * HttpOnly, SameSite=Strict); {@code DELETE /api/session} signs out. The session is Spring Security's own: the filter
 * chain's session strategy (a new session id, a new CSRF token) and context repository (SecurityConfiguration) are the
 * ones used here, as its form login would. Under Keycloak the UI signs in at Keycloak instead and this does not exist.
 */
@RestController
@ConditionalOnProperty(name = SecurityConfiguration.MODE, havingValue = "local", matchIfMissing = true)
class LocalSessions {

    record SignIn(@NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名不能超过64字") String username,
                  @NotBlank(message = "请输入密码") @Size(max = 128, message = "密码不能超过128字") String password) {
    }

    private final ThrottledPasswords passwords;
    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contexts;
    private final TrustedDevices devices;

    private final BureauSections sections;

    LocalSessions(ThrottledPasswords passwords, SessionAuthenticationStrategy sessionStrategy,
                  SecurityContextRepository contexts, TrustedDevices devices, BureauSections sections) {
        this.sections = sections;
        this.passwords = passwords;
        this.sessionStrategy = sessionStrategy;
        this.contexts = contexts;
        this.devices = devices;
    }

    @PostMapping("/api/session")
    ResponseEntity<MeController.Me> signIn(@Valid @RequestBody SignIn form, HttpServletRequest request,
                                           HttpServletResponse response) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(form.username().strip(), form.password());
        attempt.setDetails(ThrottledPasswords.details().buildDetails(request));
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (DisabledException e) {
            throw new InvalidInputException("username", "该账号已停用，请联系县局管理员");
        } catch (BadCredentialsException e) {
            throw new InvalidInputException("password", "用户名或密码错误");
        } // a throttled attempt: 429 from ApiErrors
        sessionStrategy.onAuthentication(signedIn, request, response); // new session id and CSRF token: nothing planted survives
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        ActorUser user = (ActorUser) signedIn.getPrincipal();
        devices.remember(user.getUsername(), user.getPassword(), request, response);
        SecurityLog.signedIn(request, signedIn.getName(), "session");
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return ResponseEntity.ok(MeController.me(user, token, sections));
    }

    @DeleteMapping("/api/session")
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return ResponseEntity.noContent().build();
    }
}
