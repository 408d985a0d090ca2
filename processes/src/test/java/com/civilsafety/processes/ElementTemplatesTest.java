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
 * The element templates the modeler offers administrators: every one is a timer the check passes where it is meant to
 * go and that fires when its name says — 「提醒日：截止前 N 天加一次提醒」 on the phase's reminder, 「等待 N 天」 anywhere.
 */
class ElementTemplatesTest {
    private static final String END = "2027-03-31T23:59:59+08:00";
    private static final String REMINDER_TIMER = "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">=date and time(remindAt)</bpmn:timeDate>";
    private static final String END_TIMER = "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">=date and time(endsAt)</bpmn:timeDate>";

    @Test
    void everyTemplateIsATimerTheCheckPassesAndItFiresWhenItsNameSays() throws IOException {
        JsonNode templates = new ObjectMapper().readTree(getClass().getResourceAsStream("/element-templates/platform-timers.json"));
        String phaseModel = new String(getClass().getResourceAsStream("/processes/campaign-phase.bpmn").readAllBytes(), StandardCharsets.UTF_8);
        ModelCheck check = new ModelCheck(ModelConventionsTest.jobTypesIn(phaseModel));
        assertThat(templates).hasSize(6);
        for (JsonNode template : templates) {
            JsonNode timer = template.path("properties").get(1);
            assertThat(timer.path("type").asText()).as("the modeler accepts only fixed values on a timer").isEqualTo("Hidden");
            String binding = timer.path("binding").path("name").asText();
            String value = timer.path("value").asText();
            String id = template.path("id").asText();
            int days = Integer.parseInt(id.replaceAll("\\D", ""));
            boolean reminder = id.startsWith("civil-safety.timer.phase-reminders-plus-");
            String element = "<bpmn:" + binding + " xsi:type=\"bpmn:tFormalExpression\">" + value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;") + "</bpmn:" + binding + ">";
            String edited = phaseModel.replace(reminder ? REMINDER_TIMER : END_TIMER, element);
            assertThat(edited).isNotEqualTo(phaseModel);
            assertThat(check.check(edited)).as(id).isEmpty();

            String elementId = reminder ? "Event_ReminderDue" : "Event_PhaseEnds";
            Instant start = Instant.parse("2027-03-01T02:00:00Z");
            if (reminder) {
                Instant extra = OffsetDateTime.parse("2027-03-31T09:00:00+08:00").minusDays(days).toInstant();
                Instant sevenBefore = OffsetDateTime.parse("2027-03-24T09:00:00+08:00").toInstant();
                Instant dayBefore = OffsetDateTime.parse("2027-03-30T09:00:00+08:00").toInstant();
                assertThat(due(edited, elementId, start, sevenBefore)).as(id + ": the usual reminder comes first").isEqualTo(sevenBefore);
                assertThat(due(edited, elementId, sevenBefore.plusSeconds(1), dayBefore)).as(id + ": then the extra one").isEqualTo(extra);
                assertThat(due(edited, elementId, extra.plusSeconds(1), dayBefore)).as(id + ": then the last").isEqualTo(dayBefore);
            } else {
                assertThat(due(edited, elementId, start, null)).as(id).isEqualTo(start.plus(Duration.ofDays(days)));
            }
        }
    }

    /** when the timer fires if armed at {@code now} on a phase ending on 2027-03-31 whose next reminder is {@code remindAt} */
    private static Instant due(String xml, String elementId, Instant now, Instant remindAt) {
        Map<String, String> variables = Map.of("endsAt", "\"" + END + "\"",
                "remindAt", remindAt == null ? "null" : "\"" + OffsetDateTime.ofInstant(remindAt, ZoneOffset.ofHours(8)) + "\"");
        EvaluationContext context = name -> variables.containsKey(name)
                ? new UnsafeBuffer(MsgPackConverter.convertToMsgPack(variables.get(name))) : null;
        TimerDates dates = new TimerDates(xml, Clock.fixed(now, ZoneOffset.UTC));
        TimerDates.Timer timer = dates.waitingOn("Gateway_AwaitEnd").stream().filter(t -> t.elementId().equals(elementId))
                .findFirst().orElseThrow();
        return dates.dueAt(timer, context, now).orElseThrow();
    }
}
