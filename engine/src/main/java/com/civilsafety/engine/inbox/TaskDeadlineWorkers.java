package com.civilsafety.engine.inbox;

import com.civilsafety.engine.step.StepRecorder;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.engine.step.WritesVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The timers beside every wait for a person's task (办理期限将至, 办理逾期), in every model: the task's owner is reminded
 * before its deadline, and those who answer for the owner are told when it passes. Each once per task, and nothing
 * if the task was done meanwhile. The model maps its task's id to {@code taskId}.
 */
@Component
public class TaskDeadlineWorkers {
    private final StepRecorder recorder;
    private final InboxService inbox;

    TaskDeadlineWorkers(StepRecorder recorder, InboxService inbox) {
        this.recorder = recorder;
        this.inbox = inbox;
    }

    @JobWorker(type = "task.remind-due")
    @WritesVariables
    public Map<String, Object> remindDue(ActivatedJob job, @Variable long taskId) {
        return recorder.record(job, step -> {
            inbox.remindBeforeDue(taskId, step);
            return Map.of();
        });
    }

    @JobWorker(type = "task.escalate-overdue")
    @WritesVariables
    public Map<String, Object> escalateOverdue(ActivatedJob job, @Variable long taskId) {
        return recorder.record(job, step -> {
            inbox.escalateOverdue(taskId, step);
            return Map.of();
        });
    }
}
