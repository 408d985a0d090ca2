package com.civilsafety.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.Campaigns;
import com.civilsafety.app.testsupport.BrowserScript;
import com.civilsafety.app.testsupport.EngineTime;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The web UI's main journeys in a real headless Chromium (web-ui/e2e/journeys.mjs, playwright-core + axe-core) against
 * this platform on the embedded defaults: the UI as the app serves it, the engine, the workers, the demo county. This
 * class only sets the stage — a campaign whose self-check is open for the demo institutions — and fails unless every
 * journey and every page's accessibility check passed ({@link BrowserScript}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:browser-journeys;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "civil-safety.engine.incident-scan=PT2S"}) // the stage's engine-raised incident is listed at once
@DirtiesContext // its clock runs a day ahead
@Import(EngineTime.AsClock.class)
class BrowserJourneysTest {
    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    EngineTime time;
    @Autowired
    CamundaClient client;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theMainJourneysPassInARealBrowserWithoutAccessibilityViolations() throws Exception {
        BrowserScript.require();
        openSelfCheckTomorrow();
        long stuck = stopTheEngineOnAMissingValue();
        BrowserScript.run("journeys.mjs", port);
        // the administrator gave the value with a reason and retried: the instance ran on, its incident listed once
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from job_incident where process_instance_key = ? and status = 'RESOLVED'", Long.class, stuck) == 1);
        assertThat(jdbc.queryForObject("select count(*) from job_incident where process_instance_key = ?", Long.class, stuck))
                .as("the engine's incident recorded once").isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from ledger_event where type = 'PROCESS_VARIABLE_CORRECTED' and process_instance_key = ?
                and payload like '%检查组补录评分%'""", Long.class, stuck)).as("the correction and its reason in the event chain").isEqualTo(1);
        try (var shots = Files.list(BrowserScript.SCREENSHOTS)) {
            assertThat(shots.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.png")).count())
                    .as("a screenshot of every page visited").isGreaterThanOrEqualTo(33);
        }
    }

    /**
     * An incident the engine raises itself, as a defect would: a gateway deciding on a score that was never given.
     * The journey finds it in 流程故障 by its step's name, gives the score with a reason and retries it.
     */
    private long stopTheEngineOnAMissingValue() {
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("SafetyScoreProbe").name("安全评分演练")
                .startEvent("StartEvent_Scored").exclusiveGateway("Gateway_Decide").name("判断是否达标")
                .condition("=score >= 60").endEvent("EndEvent_Passed").name("达标")
                .moveToLastGateway().condition("=score < 60").endEvent("EndEvent_Failed").name("不达标").done(),
                "safety-score-probe.bpmn").send().join();
        return client.newCreateInstanceCommand().bpmnProcessId("SafetyScoreProbe").latestVersion().send().join()
                .getProcessInstanceKey();
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
