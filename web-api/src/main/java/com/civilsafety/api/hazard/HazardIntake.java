package com.civilsafety.api.hazard;

import com.civilsafety.api.engine.ProcessCommands;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardService;
import org.springframework.stereotype.Service;

/**
 * A reported hazard goes on the books and into its rectification process together, or not at all. The report commits
 * first (so the process's first worker always finds it); if the engine then refuses the instance, the report is
 * withdrawn again.
 */
@Service
public class HazardIntake {
    private final HazardService hazards;
    private final ProcessCommands processes;

    public HazardIntake(HazardService hazards, ProcessCommands processes) {
        this.hazards = hazards;
        this.processes = processes;
    }

    public Hazard report(HazardReport report, Actor actor) {
        Hazard hazard = hazards.report(report, actor);
        try {
            processes.startHazardRectification(hazard.getId(), hazard.gradingFacts());
        } catch (RuntimeException e) {
            hazards.withdrawUnstarted(hazard.getId(), "流程未能启动：" + e.getMessage());
            throw e;
        }
        return hazard;
    }
}
