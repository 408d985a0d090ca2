package com.civilsafety.api.security;

import com.civilsafety.api.ratelimit.ClientBudgets;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * How fast passwords may be tried, for every sign-in path of the local login (HTTP Basic and the web UI's form): a
 * wrong password spends tokens of budgets that refill with time, and while one is empty the attempt is refused
 * unchecked (429, Retry-After). Throttling, not locking: budgets refill a token at a time.
 * <ul>
 *   <li>From a browser holding the account's device cookie ({@link TrustedDevices}): only that browser's budget counts,
 *       so that nobody else's wrong passwords keep the person out of it.</li>
 *   <li>From a client address the account signed in from in the last 30 days (a script's server, an office): only the
 *       budget of this address for this account — until it is spent; then the address is a stranger again, so that a
 *       guesser behind a known address gets no more than anybody else.</li>
 *   <li>From anywhere else: the client's budget across all accounts (slows one address spraying a common password),
 *       the account's budget across all such clients (slows a guesser spread over many addresses) and the budget of
 *       this client for this account.</li>
 * </ul>
 * Attempts for one account are checked one at a time ({@link ThrottledPasswords} holds the account's lock across
 * {@link #admit} and the outcome), so that guesses sent all at once cannot slip past an empty budget together; the
 * client's budget, shared by many accounts, is taken before the check instead and given back if the password was
 * right. A legitimate client sending many requests at once simply waits its turn.
 * <p>Accounts are keyed by one folding of the name (case, width, accents), the same whether the account exists or not,
 * so that the answers tell nothing about which names exist, and spellings a database takes for one name share one
 * budget. Budgets and known places are kept per instance, bounded. Keycloak has its own.
 */
final class SignInThrottle {
    private static final long MAX_KEYS = 100_000;
    private static final Duration KNOWN_FOR = Duration.ofDays(30);

    private final ClientBudgets pairs;
    private final ClientBudgets accounts;
    private final ClientBudgets clients;
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

    private record Budget(ClientBudgets budgets, String key) {
    }

    /** A try admitted; its outcome decides what it costs. */
    final class Admission {
        private final Attempt attempt;
        private final boolean known;
        private final boolean clientTaken;

        private Admission(Attempt attempt, boolean known, boolean clientTaken) {
            this.attempt = attempt;
            this.known = known;
            this.clientTaken = clientTaken;
        }

        /**
         * The right password: the client's token goes back, this client's and this browser's tries for the account
         * start afresh (the account's and the client's shared budgets only refill with time: a sprayer's one success
         * must not reset them), and this place becomes a known one.
         */
        void succeeded() {
            abandoned();
            pairs.reset(attempt.pairKey());
            if (attempt.trustedDevice() != null) {
                devices.reset(attempt.deviceKey());
            }
            knownPlaces.put(attempt.pairKey(), Boolean.TRUE);
        }

        /** A wrong password (or a disabled account's probe): the account's budgets for this place pay for it. */
        void failed() {
            for (Budget budget : accountBudgets(attempt, known)) {
                budget.budgets().take(budget.key());
            }
            if (known && pairs.emptyFor(attempt.pairKey()).isPresent()) {
                knownPlaces.invalidate(attempt.pairKey()); // spent from a known place: a stranger again from now on
            }
        }

        /** The password could not be checked (the database away): what was taken goes back, nothing else changes. */
        void abandoned() {
            if (clientTaken) {
                clients.giveBack(attempt.client());
            }
        }
    }

    /**
     * Admits an attempt whose account's lock the caller holds: refused (SignInThrottledException) while a budget it
     * would spend is empty. A stranger's attempt takes its client's token now, as attempts for other accounts from the
     * same client are not serialised with it.
     */
    Admission admit(Attempt attempt) {
        boolean known = attempt.trustedDevice() == null && knownPlaces.getIfPresent(attempt.pairKey()) != null;
        boolean stranger = attempt.trustedDevice() == null && !known;
        for (Budget budget : accountBudgets(attempt, known)) {
            OptionalLong wait = budget.budgets().emptyFor(budget.key());
            if (wait.isPresent()) {
                if (known) {
                    knownPlaces.invalidate(attempt.pairKey());
                }
                throw new SignInThrottledException(wait.getAsLong());
            }
        }
        if (stranger) {
            OptionalLong wait = clients.take(attempt.client());
            if (wait.isPresent()) {
                throw new SignInThrottledException(wait.getAsLong());
            }
        }
        return new Admission(attempt, known, stranger);
    }

    /** The budgets of the account this attempt spends on a wrong password (the client's is taken at admission). */
    private List<Budget> accountBudgets(Attempt attempt, boolean known) {
        if (attempt.trustedDevice() != null) {
            return List.of(new Budget(devices, attempt.deviceKey()));
        }
        if (known) {
            return List.of(new Budget(pairs, attempt.pairKey()));
        }
        return List.of(new Budget(accounts, attempt.account()), new Budget(pairs, attempt.pairKey()));
    }
}
