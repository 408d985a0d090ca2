package com.civilsafety.ledger.inbox;

import com.civilsafety.ledger.access.Actor;

/**
 * Published inside the completing transaction, so that what a submission means for its subject (a self-check's
 * 否 items becoming hazards) is recorded with it or not at all.
 */
public record TaskCompleted(InboxTask task, TaskResult result, Actor actor) {
}
