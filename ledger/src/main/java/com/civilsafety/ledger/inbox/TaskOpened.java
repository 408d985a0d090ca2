package com.civilsafety.ledger.inbox;

/** Published when a worker has opened an inbox task; listeners that need it committed use a transactional listener. */
public record TaskOpened(long taskId, TaskKind kind, String subjectType, long subjectId) {
}
