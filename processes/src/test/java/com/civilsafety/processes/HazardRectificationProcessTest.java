package com.civilsafety.processes;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the hazard rectification loop on the in-process engine along every path, playing the workers and the people
 * by hand and moving the engine's clock for the timers. What the workers record is tested in ledger/ and engine/;
 * here: which way the model goes, what it waits for, and which variables it carries.
 */
@ZeebeProcessTest
class HazardRectificationProcessTest {
    private static final Duration IDLE = Duration.ofSeconds(5);

    ZeebeTestEngine engine;
    ZeebeClient client;
    private long taskIds = 100;
    private Duration passed = Duration.ZERO;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFromClasspath("processes/hazard-rectification.bpmn")
                .addResourceFromClasspath("processes/hazard-grading.dmn").send().join();
    }

    @Test
    void aGeneralHazardIsAssignedRectifiedVerifiedClosedAndRechecked() throws Exception {
        ProcessInstanceEvent instance = start(1, false, false, false);
        ActivatedJob grading = complete("hazard.record-grading", timers(5));
        assertThat(grading.getVariablesAsMap().get("grading")).isEqualTo(Map.of("grade", "GENERAL",
                "rectificationDays", 30, "reminderLeadDays", 5, "supervisionLevel", "TOWNSHIP", "listedSupervision", false,
                "emergencyMeasures", false, "recheckDays", 90, "escalationDays", 10, "rule", "其他一般隐患"));

        humanStep("ASSIGNMENT", Map.of());
        rectifyAndVerify(true);
        assertThat(instance).isWaitingAtElements("Event_RecheckDue").hasNotPassedElement("Task_OpenSupervisionTask");

        passDays(2);
        humanStep("RECHECK", Map.of("rebound", false));
        assertThat(instance).isCompleted().hasPassedElementsInOrder("Task_GradeHazard", "Task_RecordGrading",
                "Gateway_FixedOnSite", "Gateway_Major", "Task_OpenAssignmentTask", "Task_RecordAssignment",
                "Task_OpenRectificationTask", "Task_RecordRectification", "Task_OpenVerificationTask",
                "Task_RecordVerification", "Task_CloseHazard", "Event_RecheckDue", "Task_RecordRecheck",
                "EndEvent_HazardClosed");
    }

    @Test
    void aHazardFixedOnTheSpotGoesStraightToVerification() throws Exception {
        ProcessInstanceEvent instance = start(2, false, false, true);
        complete("hazard.record-grading", timers(5));
        humanStep("VERIFICATION", Map.of("verificationPassed", true));
        complete("hazard.close", Map.of("recheckAt", inDays(1)));

        assertThat(instance).hasPassedElement("Task_CloseHazard").hasNotPassedElement("Task_OpenAssignmentTask")
                .hasNotPassedElement("Task_OpenRectificationTask").isWaitingAtElements("Event_RecheckDue");
    }

    @Test
    void aMajorHazardWithPeopleAtRiskIsSupervisedAndMadeSafeFirst() throws Exception {
        ProcessInstanceEvent instance = start(3, true, true, false);
        complete("hazard.record-grading", timers(30));
        humanStep("SUPERVISION", Map.of());
        humanStep("EMERGENCY_MEASURES", Map.of());
        humanStep("ASSIGNMENT", Map.of());

        assertThat(instance).hasPassedElementsInOrder("Task_RecordSupervision", "Gateway_EmergencyRequired",
                "Task_RecordEmergencyMeasures", "Task_RecordAssignment");
        assertThat(openedTask()).isEqualTo("RECTIFICATION");
    }

    @Test
    void aMajorHazardWithoutPeopleAtRiskIsSupervisedWithoutEmergencyMeasures() throws Exception {
        ProcessInstanceEvent instance = start(4, true, false, false);
        complete("hazard.record-grading", timers(60));
        humanStep("SUPERVISION", Map.of());

        assertThat(openedTask()).isEqualTo("ASSIGNMENT");
        assertThat(instance).hasNotPassedElement("Task_OpenEmergencyTask");
    }

    @Test
    void anOverdueHazardIsRemindedEscalatedTwiceAndStaysOnTheBooks() throws Exception {
        ProcessInstanceEvent instance = start(5, false, false, false);
        complete("hazard.record-grading", timers(2));
        humanStep("ASSIGNMENT", timers(2));
        long task = openTask("RECTIFICATION");

        passDays(1); // reminder due (deadline - 1 day)
        complete("hazard.remind", Map.of());
        passDays(1); // deadline passed
        ActivatedJob first = complete("hazard.escalate", Map.of());
        assertThat(first.getCustomHeaders()).containsEntry("level", "1");
        assertThat(instance).isWaitingAtElements("Task_AwaitRectification");
        passDays(1); // second escalation due (deadline + 1 day)
        ActivatedJob second = complete("hazard.escalate", Map.of());
        assertThat(second.getCustomHeaders()).containsEntry("level", "2");

        assertThat(instance).isWaitingAtElements("Task_AwaitRectification")
                .hasPassedElement("EndEvent_OverdueEscalated").hasPassedElement("EndEvent_LeaderEscalated");
        submit(task); // late, but rectified: the loop goes on
        complete("hazard.record-task", Map.of());
        assertThat(openedTask()).isEqualTo("VERIFICATION");
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineTimers() throws Exception {
        ProcessInstanceEvent instance = start(6, false, false, false);
        complete("hazard.record-grading", timers(3));
        humanStep("ASSIGNMENT", timers(3));
        long task = openTask("RECTIFICATION");

        requestExtension(6);
        humanStep("EXTENSION", timers(10));
        assertThat(instance).isWaitingAtElements("Task_AwaitRectification").hasPassedElement("Task_RecordExtensionDecision");

        passDays(5); // past the old deadline: nothing fires any more
        assertThat(activatable("hazard.escalate")).isEmpty();
        passDays(5); // past the new one, not yet at its second escalation
        assertThat(complete("hazard.escalate", Map.of()).getCustomHeaders()).containsEntry("level", "1");
        submit(task);
        complete("hazard.record-task", Map.of());
    }

    @Test
    void aRejectedExtensionKeepsTheDeadline() throws Exception {
        ProcessInstanceEvent instance = start(7, false, false, false);
        complete("hazard.record-grading", timers(3));
        humanStep("ASSIGNMENT", timers(3));
        openTask("RECTIFICATION");

        requestExtension(7);
        humanStep("EXTENSION", timers(3)); // the ledger answers with the unchanged dates
        passDays(3);
        assertThat(complete("hazard.escalate", Map.of()).getCustomHeaders()).containsEntry("level", "1");
        assertThat(instance).isWaitingAtElements("Task_AwaitRectification");
    }

    @Test
    void aFailedVerificationSendsTheInstitutionBackThenPasses() throws Exception {
        ProcessInstanceEvent instance = start(8, false, false, false);
        complete("hazard.record-grading", timers(5));
        humanStep("ASSIGNMENT", Map.of());
        rectifyAndVerify(false);
        assertThat(openedTask()).isEqualTo("RECTIFICATION");
        rectifyAndVerify(true);

        assertThat(instance).hasPassedElement("Task_OpenRectificationTask", 2).hasPassedElement("Task_CloseHazard");
    }

    @Test
    void aReboundFoundByTheRecheckReopensTheHazardAsANewCase() throws Exception {
        ProcessInstanceEvent instance = start(9, false, false, false);
        complete("hazard.record-grading", timers(5));
        humanStep("ASSIGNMENT", Map.of());
        rectifyAndVerify(true);
        passDays(2);
        humanStep("RECHECK", Map.of("rebound", true));
        complete("hazard.reopen", Map.of("newHazardId", 90, "fixedOnSite", false));

        ActivatedJob regraded = complete("hazard.record-grading", timers(5));
        assertThat(regraded.getVariablesAsMap()).containsEntry("hazardId", 90);
        assertThat(instance).hasPassedElement("Task_GradeHazard", 2).hasPassedElement("Task_ReopenHazard");
        assertThat(openedTask()).isEqualTo("ASSIGNMENT");
    }

    @Test
    void aSubmissionPublishedBeforeTheProcessWaitsIsNotLost() throws Exception {
        ProcessInstanceEvent instance = start(10, false, false, true);
        complete("hazard.record-grading", timers(5));
        ActivatedJob open = activate("hazard.open-task");
        long taskId = ++taskIds;
        submit(taskId); // the API may publish before the engine has completed the job that opened the task
        client.newCompleteCommand(open).variables(opened(taskId)).send().join();
        idle();

        assertThat(instance).hasPassedElement("Task_AwaitVerification").isWaitingAtElements("Task_RecordVerification");
    }

    @Test
    void aPersonsStepIsRemindedBeforeItsDeadlineAndEscalatedAfterWhileItStillWaits() throws Exception {
        ProcessInstanceEvent instance = start(11, false, false, false);
        complete("hazard.record-grading", timers(30));
        long task = openTask("ASSIGNMENT"); // reminder tomorrow, deadline in three days
        assertThat(activatable("task.remind-due")).isEmpty();

        passDays(1);
        assertThat(complete("task.remind-due", Map.of()).getVariablesAsMap()).containsEntry("taskId", (int) task);
        assertThat(activatable("task.escalate-overdue")).isEmpty();
        passDays(2);
        assertThat(complete("task.escalate-overdue", Map.of()).getVariablesAsMap()).containsEntry("taskId", (int) task);
        assertThat(instance).isWaitingAtElements("Task_AwaitAssignment")
                .hasPassedElementsInOrder("Task_RemindAssignment", "Task_EscalateAssignment");

        submit(task);
        complete("hazard.record-task", Map.of());
        assertThat(instance).hasPassedElement("Task_RecordAssignment");
        openTask("RECTIFICATION");
        passDays(5); // the done step's timers went with it: nothing more about 五落实
        assertThat(activatable("task.remind-due")).isEmpty();
        assertThat(activatable("task.escalate-overdue")).isEmpty();
    }

    // --- playing the workers and the people -------------------------------------------------------------------

    private ProcessInstanceEvent start(long hazardId, boolean major, boolean exposed, boolean fixedOnSite) throws Exception {
        Map<String, Object> variables = new HashMap<>(Map.of("hazardId", hazardId, "criterionMajor", major,
                "residentsExposed", exposed, "institutionType", "ELDERLY_CARE", "category", "BUILDING",
                "fixedOnSite", fixedOnSite));
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("HazardRectification")
                .latestVersion().variables(variables).send().join();
        idle();
        return instance;
    }

    /** Timer dates as the ledger returns them: reminder a day before the deadline, leader a day after it. */
    private Map<String, Object> timers(int deadlineInDays) {
        return Map.of("reminderAt", inDays(deadlineInDays - 1), "deadlineAt", inDays(deadlineInDays),
                "secondEscalationAt", inDays(deadlineInDays + 1));
    }

    /** a date-time some days after the engine's now (its clock runs ahead of the real one by what passDays moved) */
    private String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plus(passed).plusDays(days).plusHours(1).toString();
    }

    /** Opens the task (checking it is the kind expected), the person submits it, the worker records it. */
    private void humanStep(String kind, Map<String, Object> recorded) throws Exception {
        long taskId = openTask(kind);
        submit(taskId);
        ActivatedJob record = complete("hazard.record-task", recorded);
        assertThat(record.getCustomHeaders()).containsEntry("kind", kind);
        assertThat(record.getVariablesAsMap()).containsEntry("taskId", (int) taskId);
    }

    private void rectifyAndVerify(boolean passed) throws Exception {
        humanStep("RECTIFICATION", Map.of());
        humanStep("VERIFICATION", Map.of("verificationPassed", passed));
        if (passed) {
            complete("hazard.close", Map.of("recheckAt", inDays(1)));
        }
    }

    private long openTask(String kind) throws Exception {
        long taskId = ++taskIds;
        ActivatedJob open = complete("hazard.open-task", opened(taskId));
        assertThat(open.getCustomHeaders()).containsEntry("kind", kind);
        return taskId;
    }

    /** An opened task as the worker answers: its id, its reminder tomorrow and its deadline in three days. */
    private Map<String, Object> opened(long taskId) {
        return Map.of("taskId", taskId, "remindAt", inDays(1), "dueAt", inDays(3));
    }

    /** The kind of the task the model asks to open next, without opening it. */
    private String openedTask() {
        List<ActivatedJob> jobs = activatable("hazard.open-task");
        assertThat(jobs).hasSize(1);
        client.newFailCommand(jobs.get(0)).retries(jobs.get(0).getRetries()).send().join(); // hand it back
        return jobs.get(0).getCustomHeaders().get("kind");
    }

    private ActivatedJob complete(String jobType, Map<String, Object> variables) throws Exception {
        ActivatedJob job = activate(jobType);
        client.newCompleteCommand(job).variables(variables).send().join();
        idle();
        return job;
    }

    private ActivatedJob activate(String jobType) {
        List<ActivatedJob> jobs = activatable(jobType);
        assertThat(jobs).as("one active job of type %s", jobType).hasSize(1);
        return jobs.get(0);
    }

    private List<ActivatedJob> activatable(String jobType) {
        return client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(5).send().join().getJobs();
    }

    private void submit(long taskId) throws Exception {
        client.newPublishMessageCommand().messageName("inbox-task-completed").correlationKey(Long.toString(taskId))
                .messageId("inbox-task-" + taskId).timeToLive(Duration.ofHours(1)).send().join();
        idle();
    }

    private void requestExtension(long hazardId) throws Exception {
        client.newPublishMessageCommand().messageName("hazard-extension-requested").correlationKey(Long.toString(hazardId))
                .timeToLive(Duration.ZERO).send().join();
        idle();
    }

    /** Days and two hours more, so that a date "in N days" (plus an hour) is passed after N days. */
    private void passDays(int days) throws Exception {
        passed = passed.plus(Duration.ofDays(days).plusHours(2));
        engine.increaseTime(Duration.ofDays(days).plusHours(2));
        idle();
    }

    private void idle() throws InterruptedException, TimeoutException {
        engine.waitForIdleState(IDLE);
    }
}
