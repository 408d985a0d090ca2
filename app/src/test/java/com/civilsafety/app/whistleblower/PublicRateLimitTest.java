package com.civilsafety.app.whistleblower;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public endpoints answer 429 with Retry-After beyond their budget per client; lookups have a budget of their own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ratelimit;DB_CLOSE_DELAY=-1", "civil-safety.demo-data.enabled=true",
        "civil-safety.public.submissions-per-window=2", "civil-safety.public.lookups-per-window=3"})
class PublicRateLimitTest {
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClientHammeringThePublicFormIsToldToWait() {
        Api api = new Api(rest);
        long institution = jdbc.queryForObject("select id from institution where code = 'JG001'", Long.class);
        String report = """
                {"institutionId": %d, "description": "二楼灭火器过期", "reporterKind": "RESIDENT"}""".formatted(institution);
        Api.Reply first = api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", report);
        assertThat(first.status()).isEqualTo(201);
        assertThat(api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", "{}").status()).as("bad input counts too").isEqualTo(400);
        long stored = jdbc.queryForObject("select count(*) from whistleblower_report", Long.class);

        Api.Reply limited = api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", report);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().getFirst("Retry-After")).isEqualTo("600");
        assertThat(limited.detail()).contains("频繁");
        assertThat(jdbc.queryForObject("select count(*) from whistleblower_report", Long.class)).isEqualTo(stored);

        String code = first.body().path("trackingCode").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(api.bearer(null, HttpMethod.GET, "/api/public/whistleblower-reports/" + code, null).status())
                    .as("lookups have their own budget").isEqualTo(200);
        }
        assertThat(api.bearer(null, HttpMethod.GET, "/api/public/whistleblower-reports/" + code, null).status()).isEqualTo(429);
        assertThat(api.get("fuli", "/api/whistleblower-reports").status()).as("signed-in endpoints are not limited").isEqualTo(200);
    }
}
