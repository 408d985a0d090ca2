package com.civilsafety.engine.hazard;

import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.hazard.ExtensionRequest;
import com.civilsafety.ledger.hazard.HazardExtension;
import com.civilsafety.ledger.hazard.HazardService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 延期申请: recorded and heard by the rectification wait together, or neither (as with task submissions). */
@Service
public class ExtensionRequests {
    private final HazardService hazards;
    private final ProcessCommands processes;

    public ExtensionRequests(HazardService hazards, ProcessCommands processes) {
        this.hazards = hazards;
        this.processes = processes;
    }

    @Transactional
    public HazardExtension request(long hazardId, ExtensionRequest request, Actor actor) {
        HazardExtension extension = hazards.requestExtension(hazardId, request, actor);
        processes.publishExtensionRequested(hazardId, extension.getId());
        return extension;
    }
}
