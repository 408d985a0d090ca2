package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.job.ProcessStep;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** A hazard's history (处置记录): every step shows in it with who took it, whether it changed the status or not. */
@Component
class HazardHistory {
    private final HazardStatusChangeRepository statusChanges;
    private final Clock clock;

    HazardHistory(HazardStatusChangeRepository statusChanges, Clock clock) {
        this.statusChanges = statusChanges;
        this.clock = clock;
    }

    /** A step that does not change the status. */
    void note(Hazard hazard, Actor actor, ProcessStep step, String note) {
        record(hazard, hazard.getStatus(), actor, step, note);
    }

    void moveTo(Hazard hazard, HazardStatus next, Actor actor, ProcessStep step, String note) {
        HazardStatus previous = hazard.moveTo(next, clock.instant());
        record(hazard, previous, actor, step, note);
    }

    void record(Hazard hazard, HazardStatus previous, Actor actor, ProcessStep step, String note) {
        statusChanges.save(new HazardStatusChange(hazard.getId(), previous, hazard.getStatus(), clock.instant(),
                actor.personId(), actor.displayName(), note, step == null ? null : step.jobKey()));
    }
}
