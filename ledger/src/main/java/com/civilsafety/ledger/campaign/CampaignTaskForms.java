package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.hazard.RecheckResult;
import com.civilsafety.ledger.inbox.TaskForms;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.TaskResult;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The forms of a campaign's work: notices, self-checks, inspections, deliverables, duties, dispatch reports. */
@Component
public class CampaignTaskForms implements TaskForms {
    @Override
    public Map<TaskKind, Class<? extends TaskResult>> forms() {
        return Map.ofEntries(
                Map.entry(TaskKind.NOTICE, NoticeAcknowledgement.class),
                Map.entry(TaskKind.SELF_CHECK, SelfCheckForm.class),
                Map.entry(TaskKind.INSPECTION, InspectionReport.class),
                Map.entry(TaskKind.SAMPLE_RECHECK, RecheckResult.class),
                Map.entry(TaskKind.SUPERVISION_VISIT, InspectionReport.class),
                Map.entry(TaskKind.DELIVERABLE, DeliverableSubmission.class),
                Map.entry(TaskKind.DUTY_RECORD, DutyRecord.class),
                Map.entry(TaskKind.LATE_FOLLOW_UP, FollowUpReport.class),
                Map.entry(TaskKind.DISPATCH_REPORT, DispatchConfirmation.class),
                Map.entry(TaskKind.COUNTY_DISPATCH_REPORT, DispatchConfirmation.class),
                Map.entry(TaskKind.FIELD_DISPATCH_REPORT, DispatchConfirmation.class));
    }
}
