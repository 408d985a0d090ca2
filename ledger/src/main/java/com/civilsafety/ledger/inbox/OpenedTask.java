package com.civilsafety.ledger.inbox;

import java.time.Instant;

/** A task a process step opened, with the dates its wait's timers fire at: the reminder and the deadline. */
public record OpenedTask(long id, Instant remindAt, Instant dueAt) {
    public static OpenedTask of(InboxTask task) {
        return new OpenedTask(task.getId(), task.remindAt(), task.getDueAt());
    }
}
