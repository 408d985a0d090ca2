package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * 校验流程模型 through the API, with the job types this platform's workers really serve: every model we deploy passes,
 * and a model asking for a job nobody serves is refused at the element that asks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessModelCheckTest {
    @Autowired
    TestRestTemplate rest;
    final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"hazard-rectification", "campaign", "campaign-phase", "campaign-deliverable",
            "campaign-dispatch", "whistleblower-triage"})
    void everyModelWeDeployHasAWorkerForEachOfItsJobs(String model) throws Exception {
        JsonNode result = check("fuli", read(model));
        assertThat(result.path("findings")).as(result.toString()).isEmpty();
        assertThat(result.path("valid").asBoolean()).isTrue();
    }

    @Test
    void aReminderLedBackToItsWaitAtADateNoStepChangesIsRefused() throws Exception {
        // D2 of issue 21: "three days before the end" on the phase's looping reminder re-fired three times a second
        String edited = read("campaign-phase").replace("=date and time(remindAt)", "=date and time(endsAt) - duration(\"P3D\")");
        JsonNode result = check("fuli", edited);
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("findings")).singleElement().satisfies(f -> {
            assertThat(f.path("elementId").asText()).isEqualTo("Event_ReminderDue");
            assertThat(f.path("rule").asText()).isEqualTo("timer-loop");
            assertThat(f.path("message").asText()).contains("立刻再次触发");
        });
        // the same loop led through the step that reads the phase's dates again: it writes the end date, but the same
        // one unless the bureau rescheduled, so it does not stop the re-firing (the property test found it)
        String throughReread = edited.replace("sourceRef=\"Task_RemindPhase\" targetRef=\"Gateway_Wait\"",
                "sourceRef=\"Task_RemindPhase\" targetRef=\"Task_RereadPhaseDates\"");
        assertThat(throughReread).isNotEqualTo(edited);
        assertThat(check("fuli", throughReread).path("findings")).extracting(f -> f.path("rule").asText()).contains("timer-loop");
    }

    @Test
    void aJobNobodyServesIsRefusedAtItsElement() throws Exception {
        String edited = read("campaign-phase").replace("type=\"campaign.remind-phase\"", "type=\"campaign.remind-by-fax\"");
        JsonNode result = check("fuli", edited);
        assertThat(result.path("valid").asBoolean()).isFalse();
        JsonNode finding = result.path("findings").get(0);
        assertThat(finding.path("rule").asText()).isEqualTo("job-type");
        assertThat(finding.path("elementId").asText()).isEqualTo("Task_RemindPhase");
        assertThat(finding.path("message").asText()).contains("campaign.remind-by-fax");
    }

    @Test
    void aWaitForAMessageThePlatformNeverSendsIsRefused() throws Exception {
        // issue 21: a Modeler-saved 举报核查 waiting for its own message left reports at 已受理 for ever
        String edited = read("whistleblower-triage").replace("name=\"inbox-task-completed\"", "name=\"report-verified\"");
        JsonNode result = check("fuli", edited);
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("findings")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.path("rule").asText()).isEqualTo("message");
            assertThat(f.path("elementId").asText()).startsWith("Task_Await");
            assertThat(f.path("message").asText()).contains("report-verified", "inbox-task-completed");
        });
    }

    @Test
    void aMisspeltVariableIsRefusedAndTheProcesssVariablesArePublished() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("fuli", Api.PASSWORD);
        ResponseEntity<String> variables = rest.exchange("/api/process-models/hazard-rectification/variables", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(variables.getStatusCode().value()).as(variables.getBody()).isEqualTo(200);
        assertThat(json.readTree(variables.getBody())).extracting(JsonNode::asText).as("read by its expressions, written by its steps")
                .contains("grading", "hazardId", "deadlineAt", "fixedOnSite");

        String edited = read("hazard-rectification").replace("=fixedOnSite = true", "=fixedOnsite = true");
        JsonNode result = check("fuli", edited);
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("findings")).singleElement().satisfies(f -> {
            assertThat(f.path("rule").asText()).isEqualTo("feel-variable");
            assertThat(f.path("message").asText()).contains("「fixedOnsite」", "是否应为「fixedOnSite」");
        });
    }

    @Test
    void nothingToCheckIsABadRequestAndInstitutionsMayNotCheck() throws Exception {
        ResponseEntity<String> empty = post("fuli", "");
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(empty.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(post("inst001", read("campaign")).getStatusCode().value()).isEqualTo(403);
    }

    private JsonNode check(String user, String xml) throws Exception {
        ResponseEntity<String> reply = post(user, xml);
        assertThat(reply.getStatusCode().value()).as(reply.getBody()).isEqualTo(200);
        return json.readTree(reply.getBody());
    }

    private ResponseEntity<String> post(String user, String xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, Api.PASSWORD);
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return rest.exchange("/api/process-models/check", HttpMethod.POST, new HttpEntity<>(xml, headers), String.class);
    }

    private static String read(String model) throws Exception {
        try (InputStream in = ProcessModelCheckTest.class.getClassLoader().getResourceAsStream("processes/" + model + ".bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
