package com.civilsafety.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.processes.check.ModelCheck;
import com.civilsafety.processes.migration.TimerDates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.el.EvaluationContext;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The element templates the modeler offers administrators (「阶段截止前 N 天」…): every choice is a timer the check
 * passes in the phase model and that fires when its label says.
 */
class ElementTemplatesTest {
    private static final Instant NOW = Instant.parse("2027-03-01T02:00:00Z");
    private static final Map<String, String> PHASE = Map.of(
            "startsAt", "\"2027-03-01T00:00:00+08:00\"", "endsAt", "\"2027-03-31T23:59:59+08:00\"");

    @Test
    void everyChoiceIsATimerThePhaseModelAcceptsAndItFiresWhenItsLabelSays() throws IOException {
        JsonNode templates = new ObjectMapper().readTree(getClass().getResourceAsStream("/element-templates/platform-timers.json"));
        String phaseModel = new String(getClass().getResourceAsStream("/processes/campaign-phase.bpmn").readAllBytes(), StandardCharsets.UTF_8);
        ModelCheck check = new ModelCheck(ModelConventionsTest.jobTypesIn(phaseModel));
        assertThat(templates).hasSize(3);
        for (JsonNode template : templates) {
            JsonNode timer = template.path("properties").get(1);
            String binding = timer.path("binding").path("name").asText();
            assertThat(timer.path("choices")).isNotEmpty();
            for (JsonNode choice : timer.path("choices")) {
                int days = Integer.parseInt(choice.path("name").asText().replace(" 天", ""));
                String value = choice.path("value").asText();
                // the phase's end timer written with this choice: the check passes it
                String element = "<bpmn:" + binding + " xsi:type=\"bpmn:tFormalExpression\">" + value.replace("\"", "&quot;") + "</bpmn:" + binding + ">";
                String edited = phaseModel.replace("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">=date and time(endsAt)</bpmn:timeDate>", element);
                assertThat(edited).isNotEqualTo(phaseModel);
                assertThat(check.check(edited)).as(template.path("name").asText() + " " + days).isEmpty();

                TimerDates.Timer armed = new TimerDates(edited, Clock.fixed(NOW, ZoneOffset.UTC)).waitingOn("Gateway_AwaitEnd").stream()
                        .filter(t -> t.elementId().equals("Event_PhaseEnds")).findFirst().orElseThrow();
                Instant due = new TimerDates(edited, Clock.fixed(NOW, ZoneOffset.UTC)).dueAt(armed, PHASE_VARIABLES, NOW).orElseThrow();
                assertThat(due).as(template.path("name").asText() + " " + days).isEqualTo(switch (template.path("id").asText()) {
                    case "civil-safety.timer.before-phase-end" -> OffsetDateTime.parse("2027-03-31T09:00:00+08:00").minusDays(days).toInstant();
                    case "civil-safety.timer.after-phase-start" -> OffsetDateTime.parse("2027-03-01T09:00:00+08:00").plusDays(days).toInstant();
                    default -> NOW.plus(Duration.ofDays(days));
                });
            }
        }
    }

    private static final EvaluationContext PHASE_VARIABLES = name -> PHASE.containsKey(name)
            ? new UnsafeBuffer(MsgPackConverter.convertToMsgPack(PHASE.get(name))) : null;
}
