package com.civilsafety.processes;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the hazard rectification model on the in-process engine, playing the workers and the API by hand. */
@ZeebeProcessTest
class HazardRectificationProcessTest {
    private static final Map<String, Object> GENERAL_FIRE = Map.of("criterionMajor", false, "residentsExposed", false,
            "institutionType", "FUNERAL", "category", "FIRE");

    ZeebeTestEngine engine;
    ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFromClasspath("processes/hazard-rectification.bpmn")
                .addResourceFromClasspath("processes/hazard-grading.dmn").send().join();
    }

    @Test
    void passedVerificationClosesTheHazard() throws Exception {
        ProcessInstanceEvent instance = start(41);

        ActivatedJob grading = complete("hazard.record-grading", Map.of("rectificationDeadline", "2026-12-22"));
        assertThat(grading.getVariablesAsMap().get("grading")).isEqualTo(Map.of("grade", "GENERAL",
                "rectificationDays", 15, "reminderLeadDays", 3, "supervisionLevel", "TOWNSHIP",
                "listedSupervision", false, "emergencyMeasures", false, "recheckDays", 60));
        complete("hazard.open-rectification-task", Map.of("taskId", 101));
        assertThat(instance).isWaitingAtElements("Task_AwaitRectification")
                .hasVariableWithValue("rectificationTaskId", 101)
                .hasVariableWithValue("rectificationDeadline", "2026-12-22")
                .hasNotPassedElement("Task_RecordRectification");

        submitTask(101);
        ActivatedJob record = complete("hazard.record-rectification", Map.of());
        assertThat(record.getVariablesAsMap()).containsEntry("hazardId", 41).containsEntry("rectificationTaskId", 101);
        complete("hazard.open-verification-task", Map.of("taskId", 102));
        assertThat(instance).isWaitingAtElements("Task_AwaitVerification").hasVariableWithValue("verificationTaskId", 102);

        submitTask(102);
        complete("hazard.record-verification", Map.of("verificationPassed", true));
        complete("hazard.close", Map.of());

        assertThat(instance).isCompleted().hasPassedElementsInOrder("StartEvent_HazardReported", "Task_GradeHazard", "Task_RecordGrading",
                "Task_OpenRectificationTask", "Task_AwaitRectification", "Task_RecordRectification",
                "Task_OpenVerificationTask", "Task_AwaitVerification", "Task_RecordVerification",
                "Gateway_VerificationPassed", "Task_CloseHazard", "EndEvent_HazardClosed");
    }

    @Test
    void failedVerificationReopensRectificationWithANewTask() throws Exception {
        ProcessInstanceEvent instance = start(42);
        complete("hazard.record-grading", Map.of("rectificationDeadline", "2026-12-22"));
        complete("hazard.open-rectification-task", Map.of("taskId", 201));
        submitTask(201);
        complete("hazard.record-rectification", Map.of());
        complete("hazard.open-verification-task", Map.of("taskId", 202));
        submitTask(202);
        complete("hazard.record-verification", Map.of("verificationPassed", false));

        complete("hazard.open-rectification-task", Map.of("taskId", 203));
        assertThat(instance).isWaitingAtElements("Task_AwaitRectification")
                .hasVariableWithValue("rectificationTaskId", 203)
                .hasNotPassedElement("Task_CloseHazard");
        assertThat(instance).hasPassedElement("Task_OpenRectificationTask", 2);
    }

    @Test
    void aSubmissionPublishedBeforeTheProcessWaitsIsNotLost() throws Exception {
        ProcessInstanceEvent instance = start(43);
        complete("hazard.record-grading", Map.of("rectificationDeadline", "2026-12-22"));
        // the API can publish as soon as the task is in the ledger, before the engine has completed the job that opened it
        submitTask(301);
        complete("hazard.open-rectification-task", Map.of("taskId", 301));

        assertThat(instance).hasPassedElement("Task_AwaitRectification").isWaitingAtElements("Task_RecordRectification");
    }

    @Test
    void aSubmissionForAnotherTaskDoesNotMoveTheProcess() throws Exception {
        ProcessInstanceEvent instance = start(44);
        complete("hazard.record-grading", Map.of("rectificationDeadline", "2026-12-22"));
        complete("hazard.open-rectification-task", Map.of("taskId", 401));

        submitTask(999);
        assertThat(instance).isWaitingAtElements("Task_AwaitRectification");
    }

    private ProcessInstanceEvent start(long hazardId) throws InterruptedException, TimeoutException {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("HazardRectification")
                .latestVersion().variables(withHazard(hazardId)).send().join();
        engine.waitForIdleState(Duration.ofSeconds(5));
        return instance;
    }

    private static Map<String, Object> withHazard(long hazardId) {
        Map<String, Object> variables = new java.util.HashMap<>(GENERAL_FIRE);
        variables.put("hazardId", hazardId);
        return variables;
    }

    private ActivatedJob complete(String jobType, Map<String, Object> variables) throws InterruptedException, TimeoutException {
        List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
                .send().join().getJobs();
        assertThat(jobs).as("an active job of type %s", jobType).hasSize(1);
        client.newCompleteCommand(jobs.get(0)).variables(variables).send().join();
        engine.waitForIdleState(Duration.ofSeconds(5));
        return jobs.get(0);
    }

    private void submitTask(long taskId) throws InterruptedException, TimeoutException {
        client.newPublishMessageCommand().messageName("inbox-task-completed").correlationKey(Long.toString(taskId))
                .messageId("inbox-task-" + taskId).timeToLive(Duration.ofHours(1)).send().join();
        engine.waitForIdleState(Duration.ofSeconds(5));
    }
}
