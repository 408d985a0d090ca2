package com.civilsafety.ledger.inbox;

import com.civilsafety.ledger.access.Actor;
import java.time.LocalDate;

/**
 * Rules a submission must meet given the record its task is about (e.g. an assignment's deadline may not pass the
 * graded one). One bean per subject type; consulted when a task is completed, before anything is stored.
 */
public interface TaskRules {
    String subjectType();

    /**
     * The submission with what it says of its signer taken from the signer's account rather than from the form (whose
     * body accepted a major hazard); the submission as sent by default. Applied before anything is checked.
     */
    default TaskResult signed(InboxTask task, TaskResult result, Actor signer) {
        return result;
    }

    /** @throws com.civilsafety.ledger.common.LedgerException naming what is wrong */
    void check(InboxTask task, TaskResult result, LocalDate today);
}
