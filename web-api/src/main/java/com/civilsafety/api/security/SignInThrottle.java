package com.civilsafety.api.security;

import com.civilsafety.api.ratelimit.ClientBudgets;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How fast passwords may be tried, for every sign-in path of the local login (HTTP Basic and the web UI's form). Each
 * attempt takes a token from its budgets before the password is checked — so that a thousand attempts sent at once
 * cannot all slip past an empty budget — and gets it back if the password was right; while a budget is empty, the
 * attempt is refused unchecked (429, Retry-After). Throttling, not locking: budgets refill a token at a time.
 * <ul>
 *   <li>From a browser holding the account's device cookie ({@link TrustedDevices}): only that browser's budget counts,
 *       so that nobody else's wrong passwords keep the person out of it.</li>
 *   <li>From a client address the account signed in from in the last 30 days (a script's server, an office): only the
 *       budget of this address for this account — until it is spent; then the address is a stranger again, so that a
 *       guesser behind a known address gets no more than anybody else.</li>
 *   <li>From anywhere else: the client's budget across all accounts (slows one address spraying a common password),
 *       the account's budget across all such clients (slows a guesser spread over many addresses) and the budget of
 *       this client for this account — taken in that order, so that a refused client makes no new entries.</li>
 * </ul>
 * Accounts are keyed by one folding of the name (case, width, accents), the same whether the account exists or not,
 * so that the answers tell nothing about which names exist, and spellings a database takes for one name share one
 * budget. Budgets and known places are kept per instance, bounded. Keycloak has its own.
 */
final class SignInThrottle {
    private static final long MAX_KEYS = 100_000;
    private static final Duration KNOWN_FOR = Duration.ofDays(30);

    /** one client guessing one account (and an account's known place): {@code perPair} tries, refilled over 10 minutes */
    private final ClientBudgets pairs;
    /** all unknown clients guessing one account together: {@code perAccount} failures an hour */
    private final ClientBudgets accounts;
    /** one client trying many accounts: {@code perClient} failures an hour */
    private final ClientBudgets clients;
    /** a browser the account signed in on before: {@code perDevice} tries, refilled over 10 minutes */
    private final ClientBudgets devices;
    /** account @ client address pairs that signed in lately */
    private final Cache<String, Boolean> knownPlaces = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(KNOWN_FOR).build();

    /** The defaults (civil-safety.sign-in.*, docs/security.md): 5 tries per account and client (then one every 2
     * minutes), 20 failures an hour per account, 30 an hour per client address, 10 per trusted browser. */
    SignInThrottle(int perPair, int perAccount, int perClient, int perDevice) {
        this.pairs = new ClientBudgets(perPair, Duration.ofMinutes(10), MAX_KEYS);
        this.accounts = new ClientBudgets(perAccount, Duration.ofHours(1), MAX_KEYS);
        this.clients = new ClientBudgets(perClient, Duration.ofHours(1), MAX_KEYS);
        this.devices = new ClientBudgets(perDevice, Duration.ofMinutes(10), MAX_KEYS);
    }

    /**
     * One try of a password: for which account (the folded name), from which client (address), from a browser the
     * account signed in on before (its device id) or not.
     */
    record Attempt(String account, String client, String trustedDevice) {
        String pairKey() {
            return account + "@" + client;
        }

        String deviceKey() {
            return account + "#" + trustedDevice;
        }
    }

    /** A try admitted: the tokens it took, given back if the password is right. */
    final class Admission {
        private final Attempt attempt;
        private final List<Taken> taken;

        private Admission(Attempt attempt, List<Taken> taken) {
            this.attempt = attempt;
            this.taken = taken;
        }

        /**
         * The right password: the tokens go back, this client's and this browser's tries for the account start afresh
         * (the account's and the client's shared budgets only refill with time: a sprayer's one success must not reset
         * them), and this place becomes a known one. A wrong password keeps its tokens spent.
         */
        void succeeded() {
            abandoned();
            pairs.reset(attempt.pairKey());
            if (attempt.trustedDevice() != null) {
                devices.reset(attempt.deviceKey());
            }
            knownPlaces.put(attempt.pairKey(), Boolean.TRUE);
        }

        /** The password could not be checked (the database away): the tokens go back, nothing else changes. */
        void abandoned() {
            taken.forEach(t -> t.budget().giveBack(t.key()));
        }
    }

    private record Taken(ClientBudgets budget, String key) {
    }

    /** Takes this attempt's tokens; if a budget is spent, none is kept and the attempt is refused unchecked. */
    Admission admit(Attempt attempt) {
        if (attempt.trustedDevice() != null) {
            return take(attempt, List.of(new Taken(devices, attempt.deviceKey())));
        }
        if (knownPlaces.getIfPresent(attempt.pairKey()) != null) {
            try {
                return take(attempt, List.of(new Taken(pairs, attempt.pairKey())));
            } catch (SignInThrottledException spent) {
                knownPlaces.invalidate(attempt.pairKey()); // spent from a known place: a stranger again from now on
                throw spent;
            }
        }
        return take(attempt, List.of(new Taken(clients, attempt.client()), new Taken(accounts, attempt.account()),
                new Taken(pairs, attempt.pairKey())));
    }

    private Admission take(Attempt attempt, List<Taken> draws) {
        List<Taken> taken = new ArrayList<>();
        for (Taken draw : draws) {
            OptionalLong wait = draw.budget().take(draw.key());
            if (wait.isPresent()) {
                taken.forEach(t -> t.budget().giveBack(t.key()));
                throw new SignInThrottledException(wait.getAsLong());
            }
            taken.add(draw);
        }
        return new Admission(attempt, taken);
    }
}
