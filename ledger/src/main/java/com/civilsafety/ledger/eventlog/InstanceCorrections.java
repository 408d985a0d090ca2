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

    /**
     * The record an instance is about: a subject type ({@code HAZARD}, {@code CAMPAIGN}, {@code WHISTLEBLOWER}) and
     * id, as the instance's own variables name it.
     */
    public record Subject(String type, long id) {
    }

    /**
     * {@code before}, {@code after}: the values as JSON ({@code before} null if the variable was not set or is not
     * known); {@code about}: what the instance's variables name, if known (the engine's view); otherwise the record
     * its steps wrote events under.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void variableCorrected(long processInstanceKey, Subject about, String name, String before, String after,
                                  String reason, Actor actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("variable", name);
        payload.put("before", before);
        payload.put("after", after);
        payload.put("reason", reason);
        append(EventType.PROCESS_VARIABLE_CORRECTED, processInstanceKey, about, actor, payload);
    }

    /** An administrator cancelled the instance, with why. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void instanceCancelled(long processInstanceKey, Subject about, String process, String reason, Actor actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("process", process);
        payload.put("reason", reason);
        append(EventType.PROCESS_INSTANCE_CANCELLED, processInstanceKey, about, actor, payload);
    }

    private void append(EventType type, long processInstanceKey, Subject about, Actor actor, Map<String, Object> payload) {
        Subject subject = about != null ? about : subjectOfEvents(processInstanceKey);
        events.appendOnInstance(type, subject.type(), subject.id(), actor, processInstanceKey, payload);
    }

    /**
     * The record the instance's steps wrote events under (on a cluster, whose instance keys are never reused), else
     * the instance itself.
     */
    private Subject subjectOfEvents(long processInstanceKey) {
        List<Object[]> subject = em.createQuery("""
                        select e.subjectType, e.subjectId from LedgerEvent e
                        where e.processInstanceKey = :key and e.type not in :operator order by e.id""", Object[].class)
                .setParameter("key", processInstanceKey)
                .setParameter("operator", List.of(EventType.PROCESS_VARIABLE_CORRECTED, EventType.PROCESS_INSTANCE_CANCELLED))
                .setMaxResults(1).getResultList();
        return subject.isEmpty() ? new Subject(PROCESS_INSTANCE, processInstanceKey)
                : new Subject((String) subject.getFirst()[0], ((Number) subject.getFirst()[1]).longValue());
    }
}
