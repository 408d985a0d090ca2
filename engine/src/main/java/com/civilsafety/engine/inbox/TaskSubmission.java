package com.civilsafety.engine.inbox;

import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person completes a task: the ledger records the submission and the waiting process hears of it, both or neither.
 * The message is published inside the transaction, before the commit: if the engine refuses it, the task stays open.
 * The task row stays locked until the commit, so the worker that reacts to the message waits for the submission.
 */
@Service
public class TaskSubmission {
    private final InboxService inbox;
    private final ProcessCommands processes;

    public TaskSubmission(InboxService inbox, ProcessCommands processes) {
        this.inbox = inbox;
        this.processes = processes;
    }

    @Transactional
    public InboxTask submit(long taskId, Actor actor, TaskResult result) {
        InboxTask task = inbox.complete(taskId, actor, result);
        if (task.getJobKey() != null) { // a process step waits for this task; fanned-out campaign work has none
            processes.publishTaskCompleted(taskId);
        }
        return task;
    }
}
