package com.civilsafety.ledger.eventlog;

import com.civilsafety.ledger.access.Actor;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator changed by hand in a running process instance, with who, when and why, in the sealed event
 * chain — under the record the instance is about (the hazard, campaign or report whose steps it ran), or under the
 * instance itself if it wrote nothing to the ledger.
 */
@Service
public class InstanceCorrections {
    /** the subject of an instance that wrote no ledger event */
    public static final String PROCESS_INSTANCE = "PROCESS_INSTANCE";

    private final EntityManager em;
    private final EventLog events;

    InstanceCorrections(EntityManager em, EventLog events) {
        this.em = em;
        this.events = events;
    }

    /** {@code before}, {@code after}: the values as JSON ({@code before} null if the variable was not set or is not known) */
    @Transactional(propagation = Propagation.MANDATORY)
    public void variableCorrected(long processInstanceKey, String name, String before, String after, String reason, Actor actor) {
        List<Object[]> subject = em.createQuery("""
                        select e.subjectType, e.subjectId from LedgerEvent e
                        where e.processInstanceKey = :key and e.type <> :corrected order by e.id""", Object[].class)
                .setParameter("key", processInstanceKey).setParameter("corrected", EventType.PROCESS_VARIABLE_CORRECTED)
                .setMaxResults(1).getResultList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("variable", name);
        payload.put("before", before);
        payload.put("after", after);
        payload.put("reason", reason);
        events.appendOnInstance(EventType.PROCESS_VARIABLE_CORRECTED,
                subject.isEmpty() ? PROCESS_INSTANCE : (String) subject.getFirst()[0],
                subject.isEmpty() ? processInstanceKey : ((Number) subject.getFirst()[1]).longValue(), actor,
                processInstanceKey, payload);
    }
}
