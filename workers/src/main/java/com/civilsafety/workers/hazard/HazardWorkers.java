package com.civilsafety.workers.hazard;

import com.civilsafety.ledger.hazard.Grading;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.workers.support.StepRecorder;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The steps of the hazard rectification process (processes/hazard-rectification.bpmn), each recorded in the ledger. */
@Component
public class HazardWorkers {
    private final StepRecorder recorder;
    private final HazardService hazards;

    HazardWorkers(StepRecorder recorder, HazardService hazards) {
        this.recorder = recorder;
        this.hazards = hazards;
    }

    @JobWorker(type = "hazard.record-grading")
    public Map<String, Object> recordGrading(ActivatedJob job, @Variable long hazardId, @Variable Grading grading) {
        return recorder.record(job, step -> hazards.recordGrading(hazardId, grading, step));
    }

    @JobWorker(type = "hazard.open-rectification-task")
    public Map<String, Object> openRectificationTask(ActivatedJob job, @Variable long hazardId) {
        return recorder.record(job, step -> hazards.openRectificationTask(hazardId, step));
    }

    @JobWorker(type = "hazard.record-rectification")
    public Map<String, Object> recordRectification(ActivatedJob job, @Variable long hazardId, @Variable long rectificationTaskId) {
        return recorder.record(job, step -> hazards.recordRectification(hazardId, rectificationTaskId, step));
    }

    @JobWorker(type = "hazard.open-verification-task")
    public Map<String, Object> openVerificationTask(ActivatedJob job, @Variable long hazardId) {
        return recorder.record(job, step -> hazards.openVerificationTask(hazardId, step));
    }

    @JobWorker(type = "hazard.record-verification")
    public Map<String, Object> recordVerification(ActivatedJob job, @Variable long hazardId, @Variable long verificationTaskId) {
        return recorder.record(job, step -> hazards.recordVerification(hazardId, verificationTaskId, step));
    }

    @JobWorker(type = "hazard.close")
    public Map<String, Object> close(ActivatedJob job, @Variable long hazardId) {
        return recorder.record(job, step -> hazards.close(hazardId, step));
    }
}
