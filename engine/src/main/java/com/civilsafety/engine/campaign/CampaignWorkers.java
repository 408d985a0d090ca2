package com.civilsafety.engine.campaign;

import com.civilsafety.ledger.campaign.CampaignRun;
import com.civilsafety.engine.step.StepRecorder;
import com.civilsafety.engine.step.WritesVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The steps of the campaign models (processes/campaign*.bpmn), each recorded in the ledger. */
@Component
public class CampaignWorkers {
    private final StepRecorder recorder;
    private final CampaignRun run;

    CampaignWorkers(StepRecorder recorder, CampaignRun run) {
        this.recorder = recorder;
        this.run = run;
    }

    @JobWorker(type = "campaign.load-schedule")
    @WritesVariables({"phaseOrdinals", "deliverableIds", "dispatchMonths"})
    public Map<String, Object> loadSchedule(ActivatedJob job, @Variable long campaignId) {
        return recorder.record(job, step -> CampaignVariables.schedule(run.loadSchedule(campaignId, step)));
    }

    @JobWorker(type = "campaign.phase-dates")
    @WritesVariables(value = {"startsAt", "endsAt", "remindAt", "phaseKey"}, rereads = {"startsAt", "endsAt"})
    public Map<String, Object> phaseDates(ActivatedJob job, @Variable long campaignId, @Variable int ordinal) {
        return recorder.record(job, step -> CampaignVariables.phaseDates(campaignId, ordinal, run.phaseDates(campaignId, ordinal)));
    }

    @JobWorker(type = "campaign.open-phase")
    @WritesVariables({"opened"})
    public Map<String, Object> openPhase(ActivatedJob job, @Variable long campaignId, @Variable int ordinal) {
        return recorder.record(job, step -> CampaignVariables.opened(run.openPhase(campaignId, ordinal, step)));
    }

    @JobWorker(type = "campaign.remind-phase")
    @WritesVariables({"remindAt", "reminded"})
    public Map<String, Object> remindPhase(ActivatedJob job, @Variable long campaignId, @Variable int ordinal,
                                           @Variable String remindAt) {
        return recorder.record(job, step -> CampaignVariables.phaseReminder(
                run.remindPhase(campaignId, ordinal, OffsetDateTime.parse(remindAt), step)));
    }

    @JobWorker(type = "campaign.close-phase")
    @WritesVariables({"late"})
    public Map<String, Object> closePhase(ActivatedJob job, @Variable long campaignId, @Variable int ordinal) {
        return recorder.record(job, step -> CampaignVariables.late(run.closePhase(campaignId, ordinal, step)));
    }

    @JobWorker(type = "campaign.deliverable-dates")
    @WritesVariables(value = {"opensAt", "remindAt", "dueAt"}, rereads = {"opensAt", "remindAt", "dueAt"})
    public Map<String, Object> deliverableDates(ActivatedJob job, @Variable long deliverableId) {
        return recorder.record(job, step -> CampaignVariables.deliverableDates(run.deliverableDates(deliverableId)));
    }

    @JobWorker(type = "campaign.open-deliverable")
    @WritesVariables({"opened"})
    public Map<String, Object> openDeliverable(ActivatedJob job, @Variable long deliverableId) {
        return recorder.record(job, step -> CampaignVariables.opened(run.openDeliverable(deliverableId, step)));
    }

    @JobWorker(type = "campaign.remind-deliverable")
    @WritesVariables({"reminded"})
    public Map<String, Object> remindDeliverable(ActivatedJob job, @Variable long deliverableId) {
        return recorder.record(job, step -> CampaignVariables.reminded(run.remindDeliverable(deliverableId, step)));
    }

    @JobWorker(type = "campaign.escalate-deliverable")
    @WritesVariables({"late"})
    public Map<String, Object> escalateDeliverable(ActivatedJob job, @Variable long deliverableId) {
        return recorder.record(job, step -> CampaignVariables.late(run.escalateDeliverable(deliverableId, step)));
    }

    @JobWorker(type = "campaign.close")
    @WritesVariables
    public Map<String, Object> close(ActivatedJob job, @Variable long campaignId) {
        return recorder.record(job, step -> {
            run.close(campaignId, step);
            return Map.of();
        });
    }
}
