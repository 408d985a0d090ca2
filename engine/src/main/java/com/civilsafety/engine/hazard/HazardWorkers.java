package com.civilsafety.engine.hazard;

import com.civilsafety.ledger.hazard.Grading;
import com.civilsafety.ledger.hazard.RectificationLoop;
import com.civilsafety.engine.inbox.TaskVariables;
import com.civilsafety.engine.step.StepRecorder;
import static com.civilsafety.engine.step.TaskHeaders.header;
import static com.civilsafety.engine.step.TaskHeaders.kind;
import com.civilsafety.engine.step.WritesVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The steps of the hazard rectification loop (processes/hazard-rectification.bpmn), each recorded in the ledger.
 * Human steps share two job types; the task header {@code kind} says which step it is.
 */
@Component
public class HazardWorkers {
    private final StepRecorder recorder;
    private final RectificationLoop hazards;

    HazardWorkers(StepRecorder recorder, RectificationLoop hazards) {
        this.recorder = recorder;
        this.hazards = hazards;
    }

    @JobWorker(type = "hazard.record-grading")
    @WritesVariables(value = {"reminderAt", "deadlineAt", "secondEscalationAt", "rectificationDeadline"},
            rereads = {"reminderAt", "deadlineAt", "secondEscalationAt", "rectificationDeadline"})
    public Map<String, Object> recordGrading(ActivatedJob job, @Variable long hazardId, @Variable Grading grading) {
        return recorder.record(job, step -> HazardVariables.rectificationDates(hazards.recordGrading(hazardId, grading, step)));
    }

    @JobWorker(type = "hazard.open-task")
    @WritesVariables({"taskId", "remindAt", "dueAt"})
    public Map<String, Object> openTask(ActivatedJob job, @Variable long hazardId) {
        return recorder.record(job, step -> TaskVariables.opened(hazards.openTask(hazardId, kind(job), step)));
    }

    @JobWorker(type = "hazard.record-task")
    @WritesVariables({"reminderAt", "deadlineAt", "secondEscalationAt", "rectificationDeadline", "verificationPassed", "rebound"})
    public Map<String, Object> recordTask(ActivatedJob job, @Variable long hazardId, @Variable long taskId) {
        return recorder.record(job, step -> HazardVariables.stepOutcome(hazards.recordTask(hazardId, taskId, kind(job), step)));
    }

    @JobWorker(type = "hazard.remind")
    @WritesVariables
    public Map<String, Object> remind(ActivatedJob job, @Variable long hazardId) {
        return recorder.record(job, step -> {
            hazards.remind(hazardId, step);
            return Map.of();
        });
    }

    @JobWorker(type = "hazard.escalate")
    @WritesVariables
    public Map<String, Object> escalate(ActivatedJob job, @Variable long hazardId) {
        return recorder.record(job, step -> {
            hazards.escalate(hazardId, Integer.parseInt(header(job, "level")), step);
            return Map.of();
        });
    }

    @JobWorker(type = "hazard.close")
    @WritesVariables({"recheckAt"})
    public Map<String, Object> close(ActivatedJob job, @Variable long hazardId) {
        return recorder.record(job, step -> HazardVariables.recheck(hazards.close(hazardId, step)));
    }

    @JobWorker(type = "hazard.reopen")
    @WritesVariables({"criterionMajor", "residentsExposed", "institutionType", "category", "fixedOnSite", "newHazardId"})
    public Map<String, Object> reopen(ActivatedJob job, @Variable long hazardId) {
        return recorder.record(job, step -> HazardVariables.reopened(hazards.reopen(hazardId, step)));
    }
}
