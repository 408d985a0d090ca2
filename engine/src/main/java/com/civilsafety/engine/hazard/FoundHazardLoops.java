package com.civilsafety.engine.hazard;

import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.engine.command.ProcessStarts;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.RectificationLoop;
import com.civilsafety.ledger.hazard.HazardsFound;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts the rectification loops of hazards found in campaign work (a self-check's 否 items, inspection findings),
 * once the submission that recorded them has committed. The submission does not depend on the engine: a loop that
 * cannot start now stays marked in the ledger and the sweep starts it later. Each start is claimed in the ledger first,
 * so the listener and the sweep never both start one. (Should the engine take a start whose acknowledgement is lost,
 * the claim is given back and a second loop starts later; its grading step finds the hazard in the first loop and
 * stops as an incident instead of recording twice.)
 */
@Component
class FoundHazardLoops {
    /** A hazard still marked this long after it was recorded missed its start after the commit. */
    static final Duration MISSED_AFTER = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(FoundHazardLoops.class);

    private final RectificationLoop hazards;
    private final ProcessCommands processes;
    private final Clock clock;

    FoundHazardLoops(RectificationLoop hazards, ProcessCommands processes, Clock clock) {
        this.hazards = hazards;
        this.processes = processes;
        this.clock = clock;
    }

    @TransactionalEventListener
    void onFound(HazardsFound found) {
        found.hazardIds().forEach(this::start);
    }

    @Scheduled(fixedDelayString = "${civil-safety.found-hazards.sweep:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        hazards.awaitingProcess(clock.instant().minus(MISSED_AFTER)).stream().map(Hazard::getId).forEach(this::start);
    }

    private void start(long hazardId) {
        if (!hazards.claimProcessStart(hazardId)) {
            return; // started by the other side already
        }
        if (!ProcessStarts.orLeaveToSweep(log, "The loop of hazard " + hazardId,
                () -> processes.startHazardRectification(hazardId, HazardVariables.gradingFacts(hazards.gradingFacts(hazardId))))) {
            hazards.releaseProcessStart(hazardId);
        }
    }
}
