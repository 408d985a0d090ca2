package com.civilsafety.app.whistleblower;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.RawHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public endpoints answer 429 with Retry-After beyond their budget per client; lookups have a budget of their own.
 * The budget belongs to the handler the request reaches: a path spelled another way is refused outright or reaches
 * the same budget — it never gets a fresh one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ratelimit;DB_CLOSE_DELAY=-1", "civil-safety.demo-data.enabled=true",
        "civil-safety.public.submissions-per-window=2", "civil-safety.public.lookups-per-window=3"})
class PublicRateLimitTest {
    private static final String FORM = "/api/public/whistleblower-reports";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void aClientHammeringThePublicFormIsToldToWait() {
        Api api = new Api(rest);
        String report = report();
        Api.Reply first = api.bearer(null, HttpMethod.POST, FORM, report);
        assertThat(first.status()).isEqualTo(201);
        assertThat(api.bearer(null, HttpMethod.POST, FORM, "{}").status()).as("bad input counts too").isEqualTo(400);
        long stored = reports();

        Api.Reply limited = api.bearer(null, HttpMethod.POST, FORM, report);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().getFirst("Retry-After"))).as("until the next submission is allowed")
                .isBetween(1L, 600L);
        assertThat(limited.detail()).contains("频繁");
        assertThat(reports()).isEqualTo(stored);

        String code = first.body().path("trackingCode").asText();
        // the report's photos have a budget of their own: all five get in after the report budget is spent
        byte[] png = new byte[512];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        for (int i = 0; i < 5; i++) {
            png[100] = (byte) i;
            assertThat(api.upload(null, FORM + "/" + code + "/photos", "photo" + i + ".png", png).status()).isEqualTo(201);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(api.bearer(null, HttpMethod.GET, FORM + "/" + code, null).status())
                    .as("lookups have their own budget").isEqualTo(200);
        }
        assertThat(api.bearer(null, HttpMethod.GET, FORM + "/" + code, null).status()).isEqualTo(429);
        assertThat(api.get("fuli", "/api/whistleblower-reports").status()).as("signed-in endpoints are not limited").isEqualTo(200);

        // the same form spelled otherwise: refused as malformed, or the same handler with the same spent budget
        RawHttp raw = new RawHttp(port);
        for (String path : List.of("/api/%70ublic/whistleblower-reports", "/api/public/%77histleblower-reports",
                "/%61pi/public/whistleblower-reports", "/api/public//whistleblower-reports", "//api/public/whistleblower-reports",
                "/api/public/whistleblower-reports/", "/api/public/whistleblower-reports;x=1", "/api/public;x=1/whistleblower-reports",
                "/api/PUBLIC/whistleblower-reports", "/API/public/whistleblower-reports", "/api/public/./whistleblower-reports",
                "/api/public/whistleblower-reports/../whistleblower-reports", "/api/public/whistleblower-reports%2F",
                "/api/public/whistleblower-reports%3Bx")) {
            RawHttp.Reply reply = raw.send("POST", path, report, "Content-Type", "application/json");
            assertThat(reply.status()).as(path + ": " + reply.body()).isIn(400, 401, 403, 404, 405, 429);
        }
        assertThat(reports()).as("no variant stored a report").isEqualTo(stored);
        assertThat(raw.send("GET", "/api/%70ublic/whistleblower-reports/" + code, null).status()).isIn(400, 429);
    }

    private String report() {
        long institution = jdbc.queryForObject("select id from institution where code = 'JG001'", Long.class);
        return """
                {"institutionId": %d, "description": "二楼灭火器过期", "reporterKind": "RESIDENT"}""".formatted(institution);
    }

    private long reports() {
        return jdbc.queryForObject("select count(*) from whistleblower_report", Long.class);
    }
}
