package com.civilsafety.engine.step;

import com.civilsafety.ledger.inbox.TaskKind;
import io.camunda.client.api.response.ActivatedJob;

/** The task headers of the models' service tasks: the shared human-step job types say by {@code kind} which step. */
public final class TaskHeaders {
    private TaskHeaders() {
    }

    public static TaskKind kind(ActivatedJob job) {
        return TaskKind.valueOf(header(job, "kind"));
    }

    public static String header(ActivatedJob job, String name) {
        String value = job.getCustomHeaders().get(name);
        if (value == null) {
            throw new IllegalStateException(job.getElementId() + " has no task header '" + name + "'");
        }
        return value;
    }
}
