package com.civilsafety.ledger.eventlog;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.ledger.job.ProcessStep;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only log of every recorded step. Appends join the caller's transaction: a step and its event commit
 * together, and the event is sealed into the {@link EventChain} as they do.
 */
@Component
public class EventLog {
    private final LedgerEventRepository events;
    private final EventChain chain;
    private final Clock clock;

    public EventLog(LedgerEventRepository events, EventChain chain, Clock clock) {
        this.events = events;
        this.chain = chain;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEvent append(EventType type, String subjectType, long subjectId, Actor actor, ProcessStep step,
                              Object payload) {
        return save(type, subjectType, subjectId, actor, step == null ? null : step.processInstanceKey(),
                step == null ? null : step.elementId(), step == null ? null : step.jobKey(), payload);
    }

    /** An operator's change to a running process instance (no job ran it): the instance's key kept with the event. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEvent appendOnInstance(EventType type, String subjectType, long subjectId, Actor actor,
                                        long processInstanceKey, Object payload) {
        return save(type, subjectType, subjectId, actor, processInstanceKey, null, null, payload);
    }

    private LedgerEvent save(EventType type, String subjectType, long subjectId, Actor actor, Long processInstanceKey,
                             String elementId, Long jobKey, Object payload) {
        LedgerEvent event = events.save(new LedgerEvent(clock.instant(), type, subjectType, subjectId, actor.personId(),
                actor.displayName(), processInstanceKey, elementId, jobKey, Json.write(payload)));
        chain.sealOnCommit(event.getId());
        return event;
    }

    @Transactional(readOnly = true)
    public List<LedgerEvent> of(String subjectType, long subjectId) {
        return events.findBySubjectTypeAndSubjectIdOrderById(subjectType, subjectId);
    }
}
