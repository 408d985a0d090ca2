package com.civilsafety.api.security;

import com.civilsafety.api.ratelimit.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Normalizer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one place a password of the local login is checked — for HTTP Basic and for the web UI's sign-in form alike:
 * throttled by {@link SignInThrottle} before the check, each outcome written to the {@link SecurityLog}. The request's
 * address and device cookie come with the attempt as its details ({@link #details()}).
 */
final class ThrottledPasswords implements AuthenticationProvider {
    /** The sign-in form's own limit: a longer name is no account's, and would only fill the throttle's memory. */
    static final int MAX_USERNAME = 64;
    /** How long an attempt waits for the attempts before it for the same account (each a password check, ~0.1 s). */
    private static final Duration TURN_WAIT = Duration.ofSeconds(10);

    /** Where a password was tried from: the request, for the client address, the device cookie and the log. */
    record SignInDetails(HttpServletRequest request) {
    }

    private final LocalAccounts accounts;
    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final TrustedDevices devices;
    /** One check at a time per account (striped by the folded name), so that budgets are read and spent together. */
    private final ReentrantLock[] stripes = new ReentrantLock[256];

    ThrottledPasswords(LocalAccounts accounts, PasswordEncoder encoder, TrustedDevices devices, SignInThrottle throttle) {
        this.accounts = accounts;
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.devices = devices;
        this.throttle = throttle;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    static AuthenticationDetailsSource<HttpServletRequest, SignInDetails> details() {
        return SignInDetails::new;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String given = authentication.getName();
        HttpServletRequest request = ((SignInDetails) authentication.getDetails()).request();
        if (given == null || given.isBlank() || given.length() > MAX_USERNAME) {
            SecurityLog.signInFailed(request, given, "no-such-user-name");
            throw new BadCredentialsException("no such user name");
        }
        UserDetails account = find(given);
        SignInThrottle.Attempt attempt = new SignInThrottle.Attempt(folded(account != null ? account.getUsername() : given),
                ClientAddress.of(request),
                account == null ? null : devices.deviceOf(request, account.getUsername(), account.getPassword()));
        ReentrantLock turn = stripes[Math.floorMod(attempt.account().hashCode(), stripes.length)];
        if (!lock(turn)) {
            SecurityLog.signInThrottled(request, given, TURN_WAIT.toSeconds());
            throw new SignInThrottledException(TURN_WAIT.toSeconds()); // a flood of attempts for this account
        }
        try {
            return checked(authentication, request, given, attempt);
        } finally {
            turn.unlock();
        }
    }

    /** With the account's turn: admitted by the throttle, then the password, the outcome paying for the attempt. */
    private Authentication checked(Authentication authentication, HttpServletRequest request, String given,
                                   SignInThrottle.Attempt attempt) {
        SignInThrottle.Admission admission;
        try {
            admission = throttle.admit(attempt);
        } catch (SignInThrottledException e) {
            SecurityLog.signInThrottled(request, given, e.retryAfterSeconds());
            throw e;
        }
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            admission.succeeded();
            return signedIn;
        } catch (InternalAuthenticationServiceException e) {
            admission.abandoned(); // the account could not be read (database away): not a wrong password, nor a right one
            throw e;
        } catch (AuthenticationException e) {
            admission.failed(); // a wrong password, or a disabled account's probe
            SecurityLog.signInFailed(request, given, e instanceof BadCredentialsException ? "wrong-password-or-unknown-user"
                    : e.getClass().getSimpleName());
            throw e;
        }
    }

    private static boolean lock(ReentrantLock turn) {
        try {
            return turn.tryLock(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The account as stored (its own spelling of the name), or null; a database that cannot be read is no answer. */
    private UserDetails find(String given) {
        try {
            return accounts.loadUserByUsername(given);
        } catch (UsernameNotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw new InternalAuthenticationServiceException("the account could not be read", e);
        }
    }

    /**
     * A name as the throttle keys it, the same whether the account exists or not: one key for its case, width and
     * accent variants (what a case- and accent-insensitive database takes for one name).
     */
    static String folded(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return Normalizer.normalize(decomposed, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
