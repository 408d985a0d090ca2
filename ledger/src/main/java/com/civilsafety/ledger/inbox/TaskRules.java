package com.civilsafety.ledger.inbox;

import java.time.LocalDate;

/**
 * Rules a submission must meet given the record its task is about (e.g. an assignment's deadline may not pass the
 * graded one). One bean per subject type; consulted when a task is completed, before anything is stored.
 */
public interface TaskRules {
    String subjectType();

    /** @throws com.civilsafety.ledger.common.LedgerException naming what is wrong */
    void check(InboxTask task, TaskResult result, LocalDate today);
}
