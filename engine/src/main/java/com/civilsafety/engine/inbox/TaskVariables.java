package com.civilsafety.engine.inbox;

import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.OpenedTask;
import com.civilsafety.ledger.inbox.TaskStatus;
import com.civilsafety.processes.ModelGraph;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variable contract of a step that opens a person's task: the task's id and the dates its wait's timers fire at
 * (ISO date-times in China time). Each model maps them to its own names ({@code assignmentTaskId},
 * {@code assignmentRemindAt}, {@code assignmentDueAt}, …) with the opening step's output mappings.
 */
public final class TaskVariables {
    public static final String TASK_ID = "taskId";
    public static final String REMIND_AT = "remindAt";
    public static final String DUE_AT = "dueAt";

    private TaskVariables() {
    }

    public static Map<String, Object> opened(OpenedTask task) {
        return Map.of(TASK_ID, task.id(), REMIND_AT, dateTime(task.remindAt()), DUE_AT, dateTime(task.dueAt()));
    }

    /**
     * The reminder dates and deadlines of the open tasks, from the ledger as it is now, under the names the opening
     * steps' output mappings give them in this model: for an instance that started before its model had these timers
     * (a rebuild, a migration to a revision that has them).
     */
    public static Map<String, Object> deadlines(List<InboxTask> tasks, ModelGraph model) {
        Map<String, Object> variables = new HashMap<>();
        tasks.stream().filter(t -> t.getStatus() == TaskStatus.OPEN && t.getElementId() != null).forEach(task -> {
            Map<String, String> outputs = model.outputs(task.getElementId());
            opened(OpenedTask.of(task)).forEach((source, value) -> {
                if (outputs.containsKey(source)) {
                    variables.put(outputs.get(source), value);
                }
            });
        });
        return variables;
    }

    /** a moment as the models' timers read it: {@code date and time("2026-12-03T23:59:59+08:00")} */
    public static String dateTime(Instant at) {
        return OffsetDateTime.ofInstant(at, LedgerTime.ZONE).toString();
    }
}
