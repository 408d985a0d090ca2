package com.civilsafety.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.api.security.SignInThrottle.Attempt;
import org.junit.jupiter.api.Test;

/**
 * The throttle's rules on their own (the HTTP side, concurrency included: SignInThrottleTest in app): known places keep
 * their own budget until they spend it, a check that could not be made leaves no trace, a browser of the account is out
 * of a stranger's reach, the spellings of one name share a budget.
 */
class SignInBudgetsTest {
    private final SignInThrottle throttle = new SignInThrottle(5, 20, 30, 10);

    @Test
    void aKnownAddressHasABudgetOfItsOwnUntilItSpendsIt() {
        Attempt script = new Attempt("town1", "10.0.0.1", null);
        throttle.admit(script).succeeded();
        // a stranger spread over four addresses spends the account's shared budget (20) with wrong passwords
        for (int address = 2; address <= 5; address++) {
            for (int i = 0; i < 5; i++) {
                throttle.admit(new Attempt("town1", "10.0.0." + address, null)).failed();
            }
        }
        assertThatThrownBy(() -> throttle.admit(new Attempt("town1", "10.0.0.9", null)))
                .as("a new place: refused").isInstanceOf(SignInThrottledException.class);
        throttle.admit(script).succeeded(); // the script's server: still in

        // a guesser behind the known address gets its five tries, then is a stranger like any other
        for (int i = 0; i < 5; i++) {
            throttle.admit(script).failed();
        }
        assertThatThrownBy(() -> throttle.admit(script)).isInstanceOf(SignInThrottledException.class);
        assertThatThrownBy(() -> throttle.admit(script)).as("no longer known: the spent account budget applies")
                .isInstanceOf(SignInThrottledException.class);
    }

    @Test
    void aCheckThatCouldNotBeMadeCostsNothingAndMakesNoPlaceKnown() {
        Attempt attempt = new Attempt("town2", "10.1.0.1", null);
        for (int i = 0; i < 40; i++) {
            throttle.admit(attempt).abandoned(); // the database was away: no answer either way
        }
        for (int i = 0; i < 5; i++) {
            throttle.admit(attempt).failed(); // five wrong passwords: the budgets were whole, the place a stranger
        }
        assertThatThrownBy(() -> throttle.admit(attempt)).isInstanceOf(SignInThrottledException.class);
    }

    @Test
    void aBrowserOfTheAccountIsOutOfTheStrangersReach() {
        for (int i = 0; i < 40; i++) {
            try {
                throttle.admit(new Attempt("town3", "10.2.0." + (i % 8), null)).failed();
            } catch (SignInThrottledException refused) {
                // the stranger is slowed; what matters is what remains for the person
            }
        }
        assertThatThrownBy(() -> throttle.admit(new Attempt("town3", "10.2.0.99", null))).isInstanceOf(SignInThrottledException.class);
        throttle.admit(new Attempt("town3", "10.2.0.1", "device-1")).succeeded();
    }

    @Test
    void oneClientSprayingManyAccountsIsSlowed() {
        for (int i = 0; i < 30; i++) {
            throttle.admit(new Attempt("inst" + i, "10.3.0.1", null)).failed();
        }
        assertThatThrownBy(() -> throttle.admit(new Attempt("inst99", "10.3.0.1", null))).isInstanceOf(SignInThrottledException.class);
        throttle.admit(new Attempt("inst99", "10.3.0.2", null)).succeeded();
    }

    @Test
    void theSpellingsOfOneNameShareOneBudget() {
        assertThat(ThrottledPasswords.folded(" Town1 ")).isEqualTo("town1")
                .isEqualTo(ThrottledPasswords.folded("ｔｏｗｎ１")).isEqualTo(ThrottledPasswords.folded("tòwn1"));
        assertThat(ThrottledPasswords.folded("张福利")).isEqualTo("张福利");
    }
}
