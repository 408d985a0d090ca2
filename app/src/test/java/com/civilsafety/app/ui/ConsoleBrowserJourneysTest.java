package com.civilsafety.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.BrowserScript;
import com.civilsafety.app.testsupport.EngineTime;
import com.civilsafety.app.testsupport.HazardSteps;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The supervisor's console in a real browser (web-ui/e2e/console-journey.mjs): a leader finds every overdue hazard of
 * one township waiting at 机构整改 and opens one; a section officer retries three incidents in one batch; an
 * administrator corrects a variable with a reason and finds it in the 操作日志. This class sets the stage — hazards
 * of 东山镇 and 西河镇 past their deadlines, three probe instances stopped by the engine (their cause already fixed)
 * and one waiting — and checks the ledger afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:console-journeys;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "civil-safety.engine.incident-scan=PT1S"})
@DirtiesContext // its clock runs days ahead
@Import(EngineTime.AsClock.class)
class ConsoleBrowserJourneysTest {
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
    void aSupervisorFindsRetriesAndCorrectsInTheConsole() throws Exception {
        BrowserScript.require();
        Api api = new Api(rest);
        List<Long> here = HazardSteps.reportAt(api, jdbc, "东山镇", 4);
        for (long hazard : here.subList(0, 3)) {
            HazardSteps.assign(api, jdbc, hazard, time.today().plusDays(3));
        }
        HazardSteps.assign(api, jdbc, HazardSteps.reportAt(api, jdbc, "西河镇", 1).get(0), time.today().plusDays(3));
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForObject(
                "select count(*) from hazard where status = 'RECTIFYING'", Long.class) == 4);
        time.pass(Duration.ofDays(5)); // past their deadlines: overdue, escalated

        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("InspectionScoreProbe").name("检查评分演练")
                .startEvent("StartEvent_Probe").serviceTask("Task_Score").name("录入评分").zeebeJobType("probe.score")
                .exclusiveGateway("Gateway_Decide").name("判断是否达标")
                .condition("=score >= 60").endEvent("EndEvent_Passed").name("达标")
                .moveToLastGateway().condition("=score < 60").endEvent("EndEvent_Failed").name("不达标").done(),
                "inspection-score-probe.bpmn").send().join();
        List<Long> stuck = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stuck.add(client.newCreateInstanceCommand().bpmnProcessId("InspectionScoreProbe").latestVersion()
                    .variables(Map.of("institution", "演练机构" + (i + 1))).send().join().getProcessInstanceKey());
        }
        long waiting = client.newCreateInstanceCommand().bpmnProcessId("InspectionScoreProbe").latestVersion()
                .variables(Map.of("institution", "演练机构4")).send().join().getProcessInstanceKey();
        int done = 0;
        while (done < 3) {
            for (ActivatedJob job : client.newActivateJobsCommand().jobType("probe.score").maxJobsToActivate(10).send().join().getJobs()) {
                if (stuck.contains(job.getProcessInstanceKey())) {
                    client.newCompleteCommand(job).send().join(); // no score given: the gateway stops
                    done++;
                } else {
                    client.newFailCommand(job).retries(3).send().join(); // the waiting one: handed back
                }
            }
        }
        String keys = stuck.stream().map(String::valueOf).collect(Collectors.joining(", "));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from job_incident where status = 'OPEN' and process_instance_key in (" + keys + ")", Long.class) == 3);
        stuck.forEach(k -> client.newSetVariablesCommand(k).variables(Map.of("score", 70)).send().join()); // the cause fixed

        BrowserScript.run("console-journey.mjs", port);

        assertThat(jdbc.queryForObject("select count(*) from job_incident where status = 'RESOLVED' and process_instance_key in ("
                + keys + ")", Long.class)).as("the three retried in one batch").isEqualTo(3);
        assertThat(jdbc.queryForObject("""
                select count(*) from ledger_event where type = 'PROCESS_VARIABLE_CORRECTED' and process_instance_key = ?
                and payload like '%复核后补录%'""", Long.class, waiting)).as("the correction in the event chain").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from operation_log where detail like '%复核后补录%'", Long.class))
                .as("and in the operation log, with its reason").isEqualTo(1);
    }
}
