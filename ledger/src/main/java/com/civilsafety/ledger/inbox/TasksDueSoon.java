package com.civilsafety.ledger.inbox;

import java.time.LocalDate;
import java.util.List;

/**
 * 到期提醒: the platform reminded the owners of these open tasks, on this day, that their deadline nears (a campaign
 * phase's reminder dates, a month's reports). Not a person's 催办: the tasks' reminder counts stay as they are.
 * Published inside the reminding step's transaction.
 */
public record TasksDueSoon(List<DueTask> tasks, LocalDate on) {
}
