package com.civilsafety.ledger.inbox;

import java.util.List;

/**
 * Published inside the transaction that opened inbox tasks: one task of a process step, or a fan-out's batch (a
 * campaign's self-checks) as one event. Listeners that need it committed use a transactional listener.
 */
public record TasksOpened(List<InboxTask> tasks) {
}
