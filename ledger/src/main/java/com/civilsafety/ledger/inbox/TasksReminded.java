package com.civilsafety.ledger.inbox;

import java.util.List;

/** 催办: open tasks whose owners were just reminded (with the note, if any); published inside that transaction. */
public record TasksReminded(List<InboxTask> tasks, String note) {
}
