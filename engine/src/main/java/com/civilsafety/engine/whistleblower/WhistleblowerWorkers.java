package com.civilsafety.engine.whistleblower;

import static com.civilsafety.engine.step.TaskHeaders.kind;

import com.civilsafety.ledger.whistleblower.WhistleblowerTriage;
import com.civilsafety.engine.inbox.TaskVariables;
import com.civilsafety.engine.step.StepRecorder;
import com.civilsafety.engine.step.WritesVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The steps of the whistleblower triage (processes/whistleblower-triage.bpmn), each recorded in the ledger. */
@Component
public class WhistleblowerWorkers {
    private final StepRecorder recorder;
    private final WhistleblowerTriage triage;

    WhistleblowerWorkers(StepRecorder recorder, WhistleblowerTriage triage) {
        this.recorder = recorder;
        this.triage = triage;
    }

    @JobWorker(type = "whistleblower.open-task")
    @WritesVariables({"taskId", "remindAt", "dueAt"})
    public Map<String, Object> openTask(ActivatedJob job, @Variable long reportId) {
        return recorder.record(job, step -> TaskVariables.opened(triage.openTask(reportId, kind(job), step)));
    }

    @JobWorker(type = "whistleblower.record-task")
    @WritesVariables({"substantiated"})
    public Map<String, Object> recordTask(ActivatedJob job, @Variable long reportId, @Variable long taskId) {
        return recorder.record(job, step -> triage.recordTask(reportId, taskId, kind(job), step)
                .<Map<String, Object>>map(substantiated -> Map.of("substantiated", substantiated)).orElse(Map.of()));
    }

    @JobWorker(type = "whistleblower.close")
    @WritesVariables
    public Map<String, Object> close(ActivatedJob job, @Variable long reportId) {
        return recorder.record(job, step -> {
            triage.close(reportId, step);
            return Map.of();
        });
    }
}
