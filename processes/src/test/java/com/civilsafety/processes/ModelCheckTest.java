package com.civilsafety.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.civilsafety.processes.check.ModelCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an administrator's edit of a schedule model can get wrong, each found and pinned to its element. */
class ModelCheckTest {
    private static final String PHASE = "processes/campaign-phase.bpmn";

    @Test
    void anEditThatBreaksTimersNamesAndJobTypesIsRefusedElementByElement() throws Exception {
        String xml = ModelConventionsTest.read(PHASE);
        String edited = xml
                .replace("=date and time(endsAt)", "=date and time(endsAt")                  // unbalanced
                .replace("=date and time(startsAt)", "2027-13-45")                            // no such date
                .replace("name=\"部署本阶段工作\"", "name=\"Open phase\"")
                .replace("type=\"campaign.open-phase\"", "type=\"campaign.open-phase-v2\"");
        List<ModelCheck.Finding> findings = new ModelCheck(ModelConventionsTest.jobTypesIn(xml)).check(edited);

        assertThat(findings).extracting(ModelCheck.Finding::elementId, ModelCheck.Finding::rule).containsExactlyInAnyOrder(
                tuple("Event_PhaseEnds", "timer"),
                tuple("Event_PhaseStarts", "timer"),
                tuple("Task_OpenPhase", "name"),
                tuple("Task_OpenPhase", "job-type"));
        assertThat(findings).filteredOn(f -> f.elementId().equals("Event_PhaseStarts")).first()
                .extracting(ModelCheck.Finding::message).asString().contains("2027-13-45");
        assertThat(findings).filteredOn(f -> f.rule().equals("job-type")).first()
                .extracting(ModelCheck.Finding::message).asString().contains("campaign.open-phase-v2");
    }

    @Test
    void aTimerLeftUnconnectedIsADeadEndThatNeverRuns() throws Exception {
        String xml = ModelConventionsTest.read(PHASE);
        String edited = xml.replaceFirst("(</bpmn:process>)", """
                    <bpmn:intermediateCatchEvent id="Event_ExtraReminder" name="结束前3天提醒">
                      <bpmn:timerEventDefinition id="Event_ExtraReminder_Timer">
                        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">=date and time(endsAt) - duration("P3D")</bpmn:timeDate>
                      </bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                  $1""").replaceFirst("(<bpmndi:BPMNPlane [^>]*>)", """
                $1
                      <bpmndi:BPMNShape id="Event_ExtraReminder_di" bpmnElement="Event_ExtraReminder">
                        <dc:Bounds x="900" y="500" width="36" height="36" />
                      </bpmndi:BPMNShape>""");
        List<ModelCheck.Finding> findings = new ModelCheck(ModelConventionsTest.jobTypesIn(xml)).check(edited);

        assertThat(findings).extracting(ModelCheck.Finding::elementId, ModelCheck.Finding::rule).containsExactlyInAnyOrder(
                tuple("Event_ExtraReminder", "dead-end"), tuple("Event_ExtraReminder", "unreachable"));
        assertThat(findings).extracting(ModelCheck.Finding::message).allMatch(m -> m.contains("结束前3天提醒"));
    }

    @Test
    void aReminderLedBackToItsWaitWithADateTheLoopNeverChangesIsRefused() throws Exception {
        // what the phase's workers answer with (engine: @WritesVariables)
        Map<String, Set<String>> writes = Map.of("campaign.phase-dates", Set.of("startsAt", "endsAt", "remindAt", "phaseKey"),
                "campaign.open-phase", Set.of("opened"), "campaign.remind-phase", Set.of("remindAt", "reminded"),
                "campaign.close-phase", Set.of("late"));
        String xml = ModelConventionsTest.read(PHASE);
        assertThat(new ModelCheck(writes).check(xml)).as("the shipped loop: each reminder answers the next date").isEmpty();

        // "three days before the end", led back to the wait as the reminder is: due again at once on every pass
        String endMinusThree = xml.replace("=date and time(remindAt)", "=date and time(endsAt) - duration(\"P3D\")");
        assertThat(endMinusThree).isNotEqualTo(xml);
        assertThat(new ModelCheck(writes).check(endMinusThree)).singleElement().satisfies(f -> {
            assertThat(f.elementId()).isEqualTo("Event_ReminderDue");
            assertThat(f.rule()).isEqualTo("timer-loop");
        });
    }

    @Test
    void aWaitWithoutItsTimerAndAnUnreadableDocumentAreFound() throws Exception {
        String xml = ModelConventionsTest.read(PHASE);
        // the phase's start no longer comes by a timer: its gateway would wait for messages alone, for ever
        String noDeadline = xml.replaceFirst("(?s)<bpmn:timerEventDefinition id=\"Event_PhaseStarts_Timer\">.*?</bpmn:timerEventDefinition>",
                "<bpmn:messageEventDefinition id=\"Event_PhaseStarts_Message\" messageRef=\"Message_PhaseClosed\" />");
        assertThat(noDeadline).isNotEqualTo(xml);
        List<ModelCheck.Finding> findings = new ModelCheck(ModelConventionsTest.jobTypesIn(xml)).check(noDeadline);
        assertThat(findings).filteredOn(f -> f.rule().equals("deadline")).extracting(ModelCheck.Finding::elementId)
                .containsExactlyInAnyOrder("Event_PhaseStarts", "Event_StartRescheduled");

        assertThat(new ModelCheck(Set.of()).check("<definitions>not bpmn"))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("parse");
                    assertThat(f.elementId()).isNull();
                });
    }
}
