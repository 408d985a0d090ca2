package com.civilsafety.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.RawHttp;
import com.civilsafety.ledger.testsupport.AllAtOnce;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One throttle for every way a password is tried (HTTP Basic and the sign-in form): wrong passwords spend budgets
 * that refill with time, an empty one refuses the next try (429, Retry-After) before the password is checked — the
 * right one included, so that guessing cannot go on — while the browser the person has signed in on before keeps its
 * own budget, out of a stranger's reach. Every failure, refusal and sign-in is in the security log. The clients are
 * told apart as behind the production proxy (profile {@code proxy}, X-Forwarded-For from the trusted address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:sign-in-throttle;DB_CLOSE_DELAY=-1",
                "civil-safety.sign-in.failures-per-client=30", "civil-safety.sign-in.failures-per-account=20"})
@ActiveProfiles("proxy")
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTest {
    @LocalServerPort
    int port;

    @Test
    void thirtyWrongBasicPasswordsThenTheRightOneIsStillRefused(CapturedOutput log) {
        RawHttp http = new RawHttp(port);
        String client = "10.20.0.1";
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(basic(http, client, "town6", "guess" + i).status());
        }
        assertThat(answers.subList(0, 5)).containsOnly(401);
        assertThat(answers.subList(5, 30)).as("refused unchecked once the budget is spent").containsOnly(429);
        RawHttp.Reply right = basic(http, client, "town6", "demo123");
        assertThat(right.status()).isEqualTo(429);
        assertThat(Long.parseLong(right.header("Retry-After"))).isPositive();
        assertThat(right.body()).contains("分钟后再试");
        assertThat(form(http, client, "town6", "demo123", null).status()).as("the form is the same door").isEqualTo(429);
        assertThat(basic(http, "10.20.0.2", "town6", "demo123").status()).as("another client, its own budget").isEqualTo(200);

        // an unknown name is throttled alike: the answers do not tell which names exist
        for (int i = 0; i < 5; i++) {
            assertThat(basic(http, "10.20.0.3", "nobody-here", "guess" + i).status()).isEqualTo(401);
        }
        assertThat(basic(http, "10.20.0.3", "nobody-here", "x").status()).isEqualTo(429);

        assertThat(log.getOut()).contains("event=SIGN_IN_FAILED user=town6", "event=SIGN_IN_THROTTLED user=town6",
                "client=10.20.0.1").doesNotContain("guess3");
    }

    @Test
    void aStrangersWrongPasswordsDoNotKeepThePersonOutOfTheirOwnBrowser(CapturedOutput log) {
        RawHttp http = new RawHttp(port);
        String office = "10.30.0.1";
        RawHttp.Reply first = form(http, office, "town8", "demo123", null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("cs_device=") && c.contains("HttpOnly")
                && c.contains("SameSite=Strict") && c.contains("Path=/api/session"));
        String device = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cs_device="))
                .findFirst().orElseThrow().split(";")[0];

        // a colleague behind the same office address tries passwords for town8
        for (int i = 0; i < 8; i++) {
            form(http, office, "town8", "guess" + i, null);
        }
        assertThat(form(http, office, "town8", "demo123", null).status()).as("the colleague's browser: refused").isEqualTo(429);
        assertThat(form(http, office, "town8", "demo123", device).status()).as("town8's own browser: in").isEqualTo(200);

        // the cookie is town8's: for town7, whose budget from the office is spent, it counts for nothing
        for (int i = 0; i < 5; i++) {
            form(http, office, "town7", "guess" + i, null);
        }
        assertThat(form(http, office, "town7", "demo123", device).status()).isEqualTo(429);
        // a cookie altered by a byte counts for nothing either
        int at = device.length() - 10; // inside the signature, clear of the last character's spare bits
        String forged = device.substring(0, at) + (device.charAt(at) == 'Q' ? 'R' : 'Q') + device.substring(at + 1);
        for (int i = 0; i < 5; i++) {
            form(http, "10.30.0.2", "town8", "guess" + i, null);
        }
        assertThat(form(http, "10.30.0.2", "town8", "demo123", forged).status()).isEqualTo(429);
        assertThat(form(http, "10.30.0.2", "town8", "demo123", device).status()).as("the real one still does").isEqualTo(200);
        assertThat(log.getOut()).contains("event=SIGN_IN_SUCCEEDED user=town8 via=session");
    }

    @Test
    void oneAddressSprayingAPasswordOverManyAccountsIsSlowed() {
        RawHttp http = new RawHttp(port);
        String sprayer = "10.40.0.1";
        for (int i = 1; i <= 30; i++) {
            assertThat(basic(http, sprayer, "inst%03d".formatted(i), "Password1").status()).isEqualTo(401);
        }
        assertThat(basic(http, sprayer, "inst031", "demo123").status()).as("the address's budget is spent").isEqualTo(429);
        assertThat(basic(http, "10.40.0.2", "inst031", "demo123").status()).isEqualTo(200);
    }

    /** A thousand guesses sent at once get no further than one at a time: each takes its token before the check. */
    @Test
    void guessesSentAllAtOnceAreCountedBeforeTheyAreChecked() throws Exception {
        RawHttp http = new RawHttp(port);
        List<Integer> statuses = AllAtOnce.send(24, i -> basic(http, "10.60.0.1", "town2", "burst" + i).status());
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("checked: no more than the budget of 5").isLessThanOrEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(24 - 5);
    }

    /** A script sending many requests at once with the right password waits its turn; it is not refused. */
    @Test
    void rightPasswordsSentAllAtOnceAllGetIn() throws Exception {
        RawHttp http = new RawHttp(port);
        assertThat(AllAtOnce.send(20, i -> basic(http, "10.80.0.1", "town4", "demo123").status())).containsOnly(200);
    }

    /** TLS ends at the proxy: its X-Forwarded-Proto makes the request secure, and the cookies say so. */
    @Test
    void overTlsAtTheProxyTheCookiesAreSecure() {
        RawHttp http = new RawHttp(port);
        RawHttp.Reply signedIn = http.send("POST", "/api/session", "{\"username\": \"town5\", \"password\": \"demo123\"}",
                "Content-Type", "application/json", "X-Forwarded-For", "10.50.0.1", "X-Forwarded-Proto", "https");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.headers().allValues("Set-Cookie")).hasSizeGreaterThanOrEqualTo(2).allMatch(c -> c.contains("Secure"));
        RawHttp.Reply plain = form(http, "10.50.0.2", "town5", "demo123", null);
        assertThat(plain.headers().allValues("Set-Cookie")).as("plain HTTP (a local run): no Secure flag it could not keep")
                .noneMatch(c -> c.contains("Secure"));
    }

    private static RawHttp.Reply basic(RawHttp http, String client, String user, String password) {
        return http.send("GET", "/api/me", null, "Authorization", RawHttp.basic(user, password), "X-Forwarded-For", client);
    }

    private static RawHttp.Reply form(RawHttp http, String client, String user, String password, String cookie) {
        String body = "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(user, password);
        return cookie == null
                ? http.send("POST", "/api/session", body, "Content-Type", "application/json", "X-Forwarded-For", client)
                : http.send("POST", "/api/session", body, "Content-Type", "application/json", "X-Forwarded-For", client,
                "Cookie", cookie);
    }
}
