package com.civilsafety.engine.hazard;

import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.engine.command.ProcessStarts;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.hazard.RectificationLoop;
import org.springframework.stereotype.Service;

/**
 * A reported hazard goes on the books and into its rectification process together, or not at all. The report commits
 * first (so the process's first worker always finds it); if the engine then refuses the instance, the report is
 * withdrawn again.
 */
@Service
public class HazardIntake {
    private final HazardService hazards;
    private final RectificationLoop loop;
    private final ProcessCommands processes;

    public HazardIntake(HazardService hazards, RectificationLoop loop, ProcessCommands processes) {
        this.hazards = hazards;
        this.loop = loop;
        this.processes = processes;
    }

    public Hazard report(HazardReport report, Actor actor) {
        Hazard hazard = hazards.report(report, actor);
        ProcessStarts.orWithdraw(() -> processes.startHazardRectification(hazard.getId(), HazardVariables.gradingFacts(hazard.gradingFacts())),
                reason -> loop.withdrawUnstarted(hazard.getId(), reason));
        return hazard;
    }
}
