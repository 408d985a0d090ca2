package com.civilsafety.ledger.eventlog;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append and read only: there is deliberately no update or delete. */
public interface LedgerEventRepository extends Repository<LedgerEvent, Long> {
    LedgerEvent save(LedgerEvent event);

    List<LedgerEvent> findBySubjectTypeAndSubjectIdOrderById(String subjectType, Long subjectId);

    long count();
}
