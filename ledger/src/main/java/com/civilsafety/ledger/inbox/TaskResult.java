package com.civilsafety.ledger.inbox;

import java.time.LocalDate;

/** What a person submits to complete an inbox task; one record type per {@link TaskKind}. */
public interface TaskResult {

    /**
     * Rules across fields that bean validation on the record cannot express.
     *
     * @throws com.civilsafety.ledger.common.InvalidInputException naming the offending field
     */
    default void checkRules(LocalDate today) {
    }
}
