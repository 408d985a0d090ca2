package com.civilsafety.ledger.inbox;

/**
 * Published inside the transaction that opened an inbox task (listeners that need it committed use a transactional
 * listener).
 */
public record TaskOpened(InboxTask task) {
    public long taskId() {
        return task.getId();
    }

    public TaskKind kind() {
        return task.getKind();
    }

    public String subjectType() {
        return task.getSubjectType();
    }

    public long subjectId() {
        return task.getSubjectId();
    }
}
