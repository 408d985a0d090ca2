package com.civilsafety.app.monitoring;

import static com.civilsafety.app.testsupport.HazardSteps.report;
import static com.civilsafety.app.testsupport.HazardSteps.taskOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The Prometheus metrics: the workers' jobs by type and outcome, and the ledger's gauges (open and overdue hazards,
 * late reports, watched deadlines, incidents), equal to what the ledger holds. Scraped without signing in on the
 * management port (without one, on the public port, they are the county administrator's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "civil-safety.metrics.refresh=PT0.5S"})
@AutoConfigureObservability(tracing = false) // a Spring Boot test exports no metrics unless asked
@DirtiesContext // a management port of its own
class MetricsTest {
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${local.management.port}")
    int managementPort;

    @Test
    void theLedgerAndTheJobsAreScrapedOnTheManagementPort() {
        Api api = new Api(rest);
        long institution = api.get("inst001", "/api/institutions").body().path("items").get(0).path("id").asLong();
        java.time.LocalDate today = api.today();
        long hazard = report(api, institution);
        taskOf(api, "town1", hazard, "ASSIGNMENT");
        // one hazard past its deadline, not rectified, escalated once
        jdbc.update("update hazard set status = 'RECTIFYING', rectification_deadline = ?, escalation_level = 1 where id = ?",
                java.sql.Date.valueOf(today.minusDays(3)), hazard);

        TestRestTemplate scraper = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + managementPort));
        String metrics = await().atMost(Duration.ofSeconds(30)).until(() -> scraper.getForObject("/actuator/prometheus", String.class),
                // a scrape may fall within a refresh: wait for one whose every gauge is there, the last ones included
                text -> text != null && value(text, "civil_safety_hazards_overdue\\{level=\"1\"\\}") >= 1
                        && text.contains("civil_safety_deadlines_watched{kind=\"phase\"}"));

        assertThat(value(metrics, "civil_safety_hazards_overdue\\{level=\"1\"\\}")).isEqualTo(jdbc.queryForObject(
                "select count(*) from hazard where escalation_level = 1 and closed_at is null "
                        + "and rectification_deadline < ?",
                Double.class, java.sql.Date.valueOf(today)));
        assertThat(value(metrics, "civil_safety_hazards_open\\{status=\"RECTIFYING\"\\}")).isEqualTo(jdbc.queryForObject(
                "select count(*) from hazard where status = 'RECTIFYING'", Double.class));
        assertThat(value(metrics, "civil_safety_jobs_seconds_count\\{outcome=\"completed\",type=\"hazard.open-task\"\\}"))
                .as("the assignment task was opened by a job").isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "civil_safety_incidents_open")).isEqualTo(jdbc.queryForObject(
                "select count(*) from job_incident where status = 'OPEN'", Double.class));
        assertThat(metrics).contains("civil_safety_deadlines_watched{kind=\"phase\"}", "civil_safety_incidents_held",
                "civil_safety_ledger_metrics_age_seconds");

        ResponseEntity<String> publicPort = rest.getForEntity("/actuator/prometheus", String.class);
        assertThat(publicPort.getStatusCode().value()).as("not on the public port without signing in").isEqualTo(401);
        assertThat(api.any("admin", org.springframework.http.HttpMethod.GET, "/actuator/prometheus", null).status())
                .as("with a management port, the actuator is served there only").isEqualTo(404);
        assertThat(scraper.getForEntity("/actuator/env", String.class).getStatusCode().value())
                .as("only the metrics are open on the management port").isIn(401, 404);
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
