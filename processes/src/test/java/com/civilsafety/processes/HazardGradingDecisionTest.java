package com.civilsafety.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of hazard-grading.dmn, evaluated by the engine: the policy the bureau can revise, pinned down. */
@ZeebeProcessTest
class HazardGradingDecisionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFromClasspath("processes/hazard-grading.dmn").send().join();
    }

    @ParameterizedTest(name = "major={0} exposed={1} {2} {3} → {4} {5}d")
    @CsvSource({
            // major, exposed, institution type, category → grade, days, reminder, level, listed, emergency, recheck, escalation
            "true,  true,  ELDERLY_CARE,          FIRE,             MAJOR,   30, 7,  COUNTY,   true,  true,  30, 3",
            "true,  false, ELDERLY_CARE,          FOOD,             MAJOR,   60, 10, COUNTY,   true,  false, 30, 3",
            "true,  false, FUNERAL,               BUILDING,         MAJOR,   60, 10, COUNTY,   true,  false, 30, 3",
            "false, true,  ELDERLY_CARE,          GAS,              GENERAL, 7,  2,  TOWNSHIP, false, false, 60, 5",
            "false, true,  CHILD_WELFARE,         ELECTRICAL,       GENERAL, 7,  2,  TOWNSHIP, false, false, 60, 5",
            "false, true,  MARRIAGE_REGISTRATION, FIRE,             GENERAL, 15, 3,  TOWNSHIP, false, false, 60, 7",
            "false, false, ELDERLY_CARE,          SPECIAL_EQUIPMENT,GENERAL, 15, 3,  TOWNSHIP, false, false, 60, 7",
            "false, true,  ELDERLY_CARE,          FOOD,             GENERAL, 30, 5,  TOWNSHIP, false, false, 90, 10",
            "false, false, FUNERAL,               DAILY_MANAGEMENT, GENERAL, 30, 5,  TOWNSHIP, false, false, 90, 10",
    })
    void grades(boolean major, boolean exposed, String type, String category, String grade, int days, int reminder,
                String level, boolean listed, boolean emergency, int recheck, int escalation) throws Exception {
        EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("HazardGrading")
                .variables(Map.of("criterionMajor", major, "residentsExposed", exposed, "institutionType", type,
                        "category", category)).send().join();

        assertThat(response.getFailureMessage()).isNullOrEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode output = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(response.getDecisionOutput());
        // which rule matched, in the words of the rule's own description: what the ledger records as 适用规则
        String matched = response.getEvaluatedDecisions().get(0).getMatchedRules().get(0).getRuleId();
        assertThat(output.remove("rule").asText()).isEqualTo(description(matched)).isNotBlank();
        assertThat((com.fasterxml.jackson.databind.JsonNode) output).isEqualTo(JSON.readTree(
                "{\"grade\":\"%s\",\"rectificationDays\":%d,\"reminderLeadDays\":%d,\"supervisionLevel\":\"%s\",\"listedSupervision\":%s,\"emergencyMeasures\":%s,\"recheckDays\":%d,\"escalationDays\":%d}"
                        .formatted(grade, days, reminder, level, listed, emergency, recheck, escalation)));
        assertThat(response.getEvaluatedDecisions().get(0).getMatchedRules()).hasSize(1);
    }

    private static String description(String ruleId) throws java.io.IOException {
        try (var in = HazardGradingDecisionTest.class.getResourceAsStream("/processes/hazard-grading.dmn")) {
            String dmn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var m = java.util.regex.Pattern.compile("<rule id=\"" + ruleId + "\">\\s*<description>([^<]*)</description>").matcher(dmn);
            assertThat(m.find()).as(ruleId).isTrue();
            return m.group(1);
        }
    }
}
