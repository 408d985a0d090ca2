package com.civilsafety.engine.campaign;

import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.engine.command.ProcessStarts;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.campaign.CampaignPlan;
import com.civilsafety.ledger.campaign.CampaignService;
import com.civilsafety.ledger.campaign.CampaignView;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign changes that the engine must hear of. A new campaign commits first (so its process's first worker finds
 * it) and is withdrawn again if the engine refuses its instance. A schedule change or cancellation is told to the
 * engine inside the transaction, before the commit: if the engine refuses, nothing changes.
 */
@Service
public class CampaignLaunch {
    private final CampaignService campaigns;
    private final ProcessCommands processes;
    /** Distinguishes schedule changes for the engine's message de-duplication; the ledger event is the record. */
    private final AtomicLong changes = new AtomicLong(System.nanoTime());

    public CampaignLaunch(CampaignService campaigns, ProcessCommands processes) {
        this.campaigns = campaigns;
        this.processes = processes;
    }

    public CampaignView deploy(CampaignPlan plan, Actor actor) {
        CampaignView view = campaigns.create(plan, actor);
        long id = view.campaign().getId();
        ProcessStarts.orWithdraw(() -> campaigns.started(id, processes.startCampaign(id)),
                reason -> campaigns.withdrawUnstarted(id, reason));
        return campaigns.get(id, actor);
    }

    @Transactional
    public void closePhaseEarly(long campaignId, int ordinal, String reason, Actor actor) {
        campaigns.closePhaseEarly(campaignId, ordinal, reason, actor);
        processes.publishPhaseClosed(CampaignVariables.phaseKey(campaignId, ordinal), changes.incrementAndGet());
    }

    /** Every phase whose dates changed (the later ones too, when they follow) re-reads its dates. */
    @Transactional
    public void reschedulePhase(long campaignId, int ordinal, LocalDate startsOn, LocalDate endsOn, boolean laterPhasesFollow,
                                String reason, Actor actor) {
        for (int moved : campaigns.reschedulePhase(campaignId, ordinal, startsOn, endsOn, laterPhasesFollow, reason, actor)) {
            processes.publishPhaseRescheduled(CampaignVariables.phaseKey(campaignId, moved), changes.incrementAndGet());
        }
    }

    @Transactional
    public void cancel(long campaignId, String reason, Actor actor) {
        campaigns.cancel(campaignId, reason, actor).ifPresent(processes::cancel);
    }
}
