package com.civilsafety.engine.campaign;

import com.civilsafety.ledger.campaign.MonthlyDispatch;
import com.civilsafety.engine.step.StepRecorder;
import com.civilsafety.engine.step.WritesVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The steps of the monthly dispatch model (processes/campaign-dispatch.bpmn), each recorded in the ledger. */
@Component
public class DispatchWorkers {
    private final StepRecorder recorder;
    private final MonthlyDispatch dispatch;

    DispatchWorkers(StepRecorder recorder, MonthlyDispatch dispatch) {
        this.recorder = recorder;
        this.dispatch = dispatch;
    }

    @JobWorker(type = "dispatch.dates")
    @WritesVariables(value = {"opensAt", "remindAt", "dueAt", "countyDueAt"}, rereads = {"opensAt", "remindAt", "dueAt", "countyDueAt"})
    public Map<String, Object> dates(ActivatedJob job, @Variable long campaignId, @Variable String reportMonth) {
        return recorder.record(job, step -> CampaignVariables.dispatchDates(dispatch.dates(campaignId, reportMonth)));
    }

    @JobWorker(type = "dispatch.open-townships")
    @WritesVariables({"opened"})
    public Map<String, Object> openTownships(ActivatedJob job, @Variable long campaignId, @Variable String reportMonth) {
        return recorder.record(job, step -> CampaignVariables.opened(dispatch.openTownships(campaignId, reportMonth, step)));
    }

    @JobWorker(type = "dispatch.remind-townships")
    @WritesVariables({"reminded"})
    public Map<String, Object> remindTownships(ActivatedJob job, @Variable long campaignId, @Variable String reportMonth) {
        return recorder.record(job, step -> CampaignVariables.reminded(dispatch.remindTownships(campaignId, reportMonth, step)));
    }

    @JobWorker(type = "dispatch.escalate-townships")
    @WritesVariables({"late"})
    public Map<String, Object> escalateTownships(ActivatedJob job, @Variable long campaignId, @Variable String reportMonth) {
        return recorder.record(job, step -> CampaignVariables.late(dispatch.escalateTownships(campaignId, reportMonth, step)));
    }

    @JobWorker(type = "dispatch.consolidate")
    @WritesVariables({"opened"})
    public Map<String, Object> consolidate(ActivatedJob job, @Variable long campaignId, @Variable String reportMonth) {
        return recorder.record(job, step -> CampaignVariables.opened(dispatch.consolidate(campaignId, reportMonth, step)));
    }

    @JobWorker(type = "dispatch.escalate-county")
    @WritesVariables({"late"})
    public Map<String, Object> escalateCounty(ActivatedJob job, @Variable long campaignId, @Variable String reportMonth) {
        return recorder.record(job, step -> CampaignVariables.late(dispatch.escalateCounty(campaignId, reportMonth, step)));
    }
}
