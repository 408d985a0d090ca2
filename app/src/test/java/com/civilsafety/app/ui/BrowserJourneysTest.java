package com.civilsafety.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.Campaigns;
import com.civilsafety.app.testsupport.BrowserScript;
import com.civilsafety.app.testsupport.EngineTime;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The web UI's main journeys in a real headless Chromium (web-ui/e2e/journeys.mjs, playwright-core + axe-core) against
 * this platform on the embedded defaults: the UI as the app serves it, the engine, the workers, the demo county. This
 * class only sets the stage — a campaign whose self-check is open for the demo institutions — and fails unless every
 * journey and every page's accessibility check passed ({@link BrowserScript}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-journeys;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@DirtiesContext // its clock runs a day ahead
@Import(EngineTime.AsClock.class)
class BrowserJourneysTest {
    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    EngineTime time;

    @Test
    void theMainJourneysPassInARealBrowserWithoutAccessibilityViolations() throws Exception {
        BrowserScript.require();
        openSelfCheckTomorrow();
        BrowserScript.run("journeys.mjs", port);
        try (var shots = Files.list(BrowserScript.SCREENSHOTS)) {
            assertThat(shots.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.png")).count())
                    .as("a screenshot of every page visited").isGreaterThanOrEqualTo(31);
        }
    }

    /** A campaign over the county whose self-check opens tomorrow: the clocks move there, inst001 gets its checklist. */
    private void openSelfCheckTomorrow() {
        Api api = new Api(rest);
        LocalDate today = time.today();
        Campaigns.deploy(api, "\"ELDERLY_CARE\", \"CHILD_WELFARE\"", new Campaigns.Phase("MOBILISATION", today, today),
                new Campaigns.Phase("SELF_CHECK", today.plusDays(1), today.plusDays(20)));
        time.passTo(today.plusDays(1), LocalTime.of(10, 0));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                StreamSupport.stream(api.get("inst001", "/api/tasks").body().spliterator(), false)
                        .anyMatch(t -> t.path("kind").asText().equals("SELF_CHECK")));
    }
}
