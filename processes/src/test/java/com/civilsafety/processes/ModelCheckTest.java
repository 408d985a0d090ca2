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
    void theIdsTheModelerGeneratesAreReadableItsRandomOnesAreNot() throws Exception {
        String xml = ModelConventionsTest.read(PHASE);
        ModelCheck check = new ModelCheck(ModelConventionsTest.jobTypesIn(xml));
        assertThat(check.check(xml.replace("Task_OpenPhase", "Task_Added1"))).as("web-ui/src/modeler/readableIds.js").isEmpty();
        assertThat(check.check(xml.replace("Task_OpenPhase", "Activity_0x1y2z3")))
                .extracting(ModelCheck.Finding::elementId, ModelCheck.Finding::rule).containsExactly(tuple("Activity_0x1y2z3", "id"));
    }

    @Test
    void whatThePlatformCannotRunIsRefused() throws Exception {
        String xml = ModelConventionsTest.read("processes/hazard-rectification.bpmn");
        String edited = xml
                .replace("decisionId=\"HazardGrading\"", "decisionId=\"HazardGradingV2\"")
                .replace("name=\"hazard-extension-requested\"", "name=\"hazard-extension-asked\"")
                .replace("=grading.listedSupervision = true", "=grading.listedSupervision = = true")
                .replace("<bpmn:receiveTask id=\"Task_AwaitSupervision\"", "<bpmn:userTask id=\"Task_AwaitSupervision\"")
                .replace("messageRef=\"Message_AwaitSupervision\">", ">");
        edited = edited.replaceFirst("(<bpmn:userTask id=\"Task_AwaitSupervision\"[\\s\\S]*?)</bpmn:receiveTask>", "$1</bpmn:userTask>");
        List<ModelCheck.Finding> findings = new ModelCheck(ModelConventionsTest.jobTypesIn(xml)).check(edited);

        assertThat(findings).extracting(ModelCheck.Finding::rule).contains("decision", "message", "feel", "user-task");
        assertThat(findings).filteredOn(f -> f.rule().equals("decision")).singleElement().satisfies(f -> {
            assertThat(f.elementId()).isEqualTo("Task_GradeHazard");
            assertThat(f.message()).contains("HazardGradingV2", "HazardGrading");
        });
        assertThat(findings).filteredOn(f -> f.rule().equals("message")).singleElement().satisfies(f -> {
            assertThat(f.elementId()).as("the boundary event that waits for it").startsWith("Event_");
            assertThat(f.message()).contains("hazard-extension-asked", "等在这里");
        });
        assertThat(findings).filteredOn(f -> f.rule().equals("feel")).singleElement().satisfies(f ->
                assertThat(f.message()).contains("grading.listedSupervision = = true"));
        assertThat(findings).filteredOn(f -> f.rule().equals("user-task")).singleElement()
                .extracting(ModelCheck.Finding::elementId).isEqualTo("Task_AwaitSupervision");
    }

    @Test
    void aVariableTheProcessDoesNotHaveIsATypoNamedWithItsLikelyFix() throws Exception {
        String xml = ModelConventionsTest.read(PHASE);
        ModelCheck check = new ModelCheck(ModelConventionsTest.jobTypesIn(xml));
        java.util.Map<String, Set<String>> catalogue = check.catalogue(xml);
        assertThat(catalogue).containsOnlyKeys("CampaignPhase");
        assertThat(catalogue.get("CampaignPhase")).as("what its expressions read and its steps write")
                .contains("phaseKey", "startsAt", "endsAt", "remindAt");
        String typo = xml.replace("=date and time(endsAt)", "=date and time(endAt)");
        assertThat(typo).isNotEqualTo(xml);

        assertThat(check.withCatalogues(catalogue).check(typo)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo("feel-variable");
            assertThat(f.message()).contains("「endAt」", "是否应为「endsAt」");
        });
        String mapped = typo.replace("<zeebe:taskDefinition type=\"campaign.open-phase\" retries=\"5\" />",
                "<zeebe:taskDefinition type=\"campaign.open-phase\" retries=\"5\" /><zeebe:ioMapping>"
                        + "<zeebe:output source=\"=endsAt\" target=\"endAt\" /></zeebe:ioMapping>");
        assertThat(mapped).isNotEqualTo(typo);
        assertThat(check.withCatalogues(catalogue).check(mapped)).as("a name the revision's own step writes").isEmpty();
        assertThat(check.check(typo)).as("without a catalogue, names are not held to one").isEmpty();
    }

    @Test
    void startsOutsideThePlatformAndHeaderValuesWrittenAsExpressionsAreRefused() throws Exception {
        String xml = ModelConventionsTest.read("processes/hazard-rectification.bpmn");
        ModelCheck check = new ModelCheck(ModelConventionsTest.jobTypesIn(xml));
        String outgoing = "<bpmn:outgoing>Flow_1</bpmn:outgoing>";
        String messageStart = xml.replaceFirst(outgoing, outgoing + "<bpmn:messageEventDefinition id=\"Event_Start_Message\" "
                + "messageRef=\"Message_AwaitSupervision\" />");
        assertThat(messageStart).isNotEqualTo(xml);
        assertThat(check.withCatalogues(check.catalogue(xml)).check(messageStart)).filteredOn(f -> f.rule().equals("start"))
                .extracting(ModelCheck.Finding::elementId).containsExactlyInAnyOrder("StartEvent_HazardReported", "HazardRectification");
        String header = xml.replace("<zeebe:header key=\"kind\" value=\"SUPERVISION\" />", "<zeebe:header key=\"kind\" value=\"=SUPERVISION\" />");
        assertThat(header).isNotEqualTo(xml);
        assertThat(check.withCatalogues(check.catalogue(xml)).check(header)).hasSize(2).allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo("header");
            assertThat(f.message()).contains("=SUPERVISION", "不会按表达式计算");
        });
        String documented = xml.replace("<bpmn:receiveTask id=\"Task_AwaitSupervision\" name=\"等待领导挂牌督办\" messageRef=\"Message_AwaitSupervision\">",
                "<bpmn:receiveTask id=\"Task_AwaitSupervision\" name=\"等待领导挂牌督办\" messageRef=\"Message_AwaitSupervision\">"
                        + "<bpmn:documentation>=局领导 签字</bpmn:documentation>");
        assertThat(documented).isNotEqualTo(xml);
        assertThat(check.withCatalogues(check.catalogue(xml)).check(documented)).as("documentation is prose").isEmpty();
    }

    @Test
    void aCallToAProcessThePlatformDoesNotHaveIsRefused() throws Exception {
        String xml = ModelConventionsTest.read("processes/campaign.bpmn");
        String edited = xml.replace("processId=\"CampaignPhase\"", "processId=\"CampaignPhse\"");
        assertThat(edited).isNotEqualTo(xml);
        assertThat(new ModelCheck(ModelConventionsTest.jobTypesIn(xml)).check(edited)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("call");
            assertThat(f.message()).contains("CampaignPhse", "CampaignPhase");
        });
    }

    @Test
    void aListenerWhoseJobNoWorkerServesIsRefused() throws Exception {
        String xml = ModelConventionsTest.read(PHASE);
        String edited = xml.replace("<bpmn:serviceTask id=\"Task_OpenPhase\" name=\"部署本阶段工作\">\n      <bpmn:extensionElements>",
                "<bpmn:serviceTask id=\"Task_OpenPhase\" name=\"部署本阶段工作\">\n      <bpmn:extensionElements>\n"
                        + "        <zeebe:executionListeners><zeebe:executionListener eventType=\"start\" type=\"audit.log\" />"
                        + "</zeebe:executionListeners>");
        assertThat(edited).contains("audit.log");
        assertThat(new ModelCheck(ModelConventionsTest.jobTypesIn(xml)).check(edited)).singleElement().satisfies(f -> {
            assertThat(f.elementId()).isEqualTo("Task_OpenPhase");
            assertThat(f.rule()).isEqualTo("job-type");
            assertThat(f.message()).contains("audit.log", "监听器");
        });
    }

    @Test
    void timerValuesAreReadAsZeebeReadsThem() throws Exception {
        String xml = ModelConventionsTest.read(PHASE);
        String start = "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">=date and time(startsAt)</bpmn:timeDate>";
        assertThat(xml).contains(start);
        ModelCheck check = new ModelCheck(ModelConventionsTest.jobTypesIn(xml));
        java.util.function.BiFunction<String, String, List<String>> timerFindings = (kind, value) -> check.check(xml.replace(start,
                        "<bpmn:" + kind + " xsi:type=\"bpmn:tFormalExpression\">" + value + "</bpmn:" + kind + ">")).stream()
                .filter(f -> f.rule().equals("timer")).map(ModelCheck.Finding::message).toList();
        assertThat(timerFindings.apply("timeDuration", "P1MT2H")).as("a month and two hours").isEmpty();
        assertThat(timerFindings.apply("timeDate", "2027-06-30T17:00:00+08:00[Asia/Shanghai]")).as("a zoned date-time").isEmpty();
        assertThat(timerFindings.apply("timeCycle", "0 0 9 * * MON-FRI")).as("a cron cycle").isEmpty();
        assertThat(timerFindings.apply("timeCycle", "R/P1D")).isEmpty();
        assertThat(timerFindings.apply("timeDuration", "P1X")).singleElement().asString().contains("P1X", "时长");
        assertThat(timerFindings.apply("timeCycle", "every day")).singleElement().asString().contains("cron");
        assertThat(timerFindings.apply("timeDate", "2027-13-45")).singleElement().asString().contains("日期时间");
        assertThat(check.check(xml.replace(start, "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">2027-06-30T17:00:00+08:00</bpmn:timeDate>")))
                .as("a fixed date on the phase's timer would start every phase of every campaign at once")
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("fixed-date");
                    assertThat(f.elementId()).isEqualTo("Event_PhaseStarts");
                    assertThat(f.message()).contains("所有行动", "调整日期");
                });
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
    void aTimerOnAStepBoxLedBackIntoTheBoxIsALoopWhateverTheBoxDoesInside() {
        // the box's timer is armed as the box starts, before its inside could answer a new date
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Loop" targetNamespace="https://civil-safety/processes">
                  <bpmn:process id="BoxLoop" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_Begin" name="开始"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:subProcess id="SubProcess_Box" name="落实整改责任">
                      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:incoming>Flow_4</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
                      <bpmn:startEvent id="StartEvent_Inner" name="开始"><bpmn:outgoing>Flow_5</bpmn:outgoing></bpmn:startEvent>
                      <bpmn:serviceTask id="Task_OpenBoxTask" name="派发任务">
                        <bpmn:extensionElements><zeebe:taskDefinition type="hazard.open-task" /></bpmn:extensionElements>
                        <bpmn:incoming>Flow_5</bpmn:incoming><bpmn:outgoing>Flow_6</bpmn:outgoing>
                      </bpmn:serviceTask>
                      <bpmn:endEvent id="EndEvent_Inner" name="办结"><bpmn:incoming>Flow_6</bpmn:incoming></bpmn:endEvent>
                      <bpmn:sequenceFlow id="Flow_5" sourceRef="StartEvent_Inner" targetRef="Task_OpenBoxTask" />
                      <bpmn:sequenceFlow id="Flow_6" sourceRef="Task_OpenBoxTask" targetRef="EndEvent_Inner" />
                    </bpmn:subProcess>
                    <bpmn:boundaryEvent id="Event_BoxDue" name="办理逾期" attachedToRef="SubProcess_Box">
                      <bpmn:outgoing>Flow_3</bpmn:outgoing>
                      <bpmn:timerEventDefinition id="Event_BoxDue_Timer">
                        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">=date and time(dueAt)</bpmn:timeDate>
                      </bpmn:timerEventDefinition>
                    </bpmn:boundaryEvent>
                    <bpmn:serviceTask id="Task_Escalate" name="逾期督办">
                      <bpmn:extensionElements><zeebe:taskDefinition type="task.escalate-overdue" /></bpmn:extensionElements>
                      <bpmn:incoming>Flow_3</bpmn:incoming><bpmn:outgoing>Flow_4</bpmn:outgoing>
                    </bpmn:serviceTask>
                    <bpmn:endEvent id="EndEvent_Done" name="办结"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Begin" targetRef="SubProcess_Box" />
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="SubProcess_Box" targetRef="EndEvent_Done" />
                    <bpmn:sequenceFlow id="Flow_3" sourceRef="Event_BoxDue" targetRef="Task_Escalate" />
                    <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_Escalate" targetRef="SubProcess_Box" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        Map<String, Set<String>> writes = Map.of("hazard.open-task", Set.of("taskId", "remindAt", "dueAt"),
                "task.escalate-overdue", Set.of());
        assertThat(new ModelCheck(writes).check(xml)).filteredOn(f -> f.rule().equals("timer-loop"))
                .extracting(ModelCheck.Finding::elementId).containsExactly("Event_BoxDue");
        // led to the end instead, it is no loop
        assertThat(new ModelCheck(writes).check(xml.replace("sourceRef=\"Task_Escalate\" targetRef=\"SubProcess_Box\"",
                "sourceRef=\"Task_Escalate\" targetRef=\"EndEvent_Done\""))).noneMatch(f -> f.rule().equals("timer-loop"));
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
