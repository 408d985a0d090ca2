package com.civilsafety.ledger.inbox;

import com.civilsafety.ledger.campaign.DeliverableSubmission;
import com.civilsafety.ledger.campaign.DispatchConfirmation;
import com.civilsafety.ledger.campaign.DutyRecord;
import com.civilsafety.ledger.campaign.FollowUpReport;
import com.civilsafety.ledger.campaign.InspectionReport;
import com.civilsafety.ledger.campaign.NoticeAcknowledgement;
import com.civilsafety.ledger.campaign.SelfCheckForm;
import com.civilsafety.ledger.whistleblower.ReportVerification;
import com.civilsafety.ledger.whistleblower.RewardDecision;
import com.civilsafety.ledger.hazard.AssignmentForm;
import com.civilsafety.ledger.hazard.EmergencyMeasuresReport;
import com.civilsafety.ledger.hazard.ExtensionDecision;
import com.civilsafety.ledger.hazard.OverdueExplanation;
import com.civilsafety.ledger.hazard.RecheckResult;
import com.civilsafety.ledger.hazard.RectificationReport;
import com.civilsafety.ledger.hazard.SupervisionAcceptance;
import com.civilsafety.ledger.hazard.VerificationResult;

/** The kinds of human step, each with the form a person fills to complete it. */
public enum TaskKind {
    SUPERVISION("挂牌督办", SupervisionAcceptance.class),
    EMERGENCY_MEASURES("紧急处置", EmergencyMeasuresReport.class),
    ASSIGNMENT("落实整改责任", AssignmentForm.class),
    RECTIFICATION("隐患整改", RectificationReport.class),
    EXPLANATION("逾期书面说明", OverdueExplanation.class),
    EXTENSION("延期审批", ExtensionDecision.class),
    VERIFICATION("整改核查", VerificationResult.class),
    RECHECK("回头看", RecheckResult.class),
    // campaign work, fanned out by the ledger: no process waits on these tasks one by one
    NOTICE("行动通知签收", NoticeAcknowledgement.class),
    SELF_CHECK("机构自查", SelfCheckForm.class),
    INSPECTION("部门检查", InspectionReport.class),
    SAMPLE_RECHECK("督导回头看", RecheckResult.class),
    SUPERVISION_VISIT("督导检查", InspectionReport.class),
    DELIVERABLE("报送材料", DeliverableSubmission.class),
    DUTY_RECORD("履职记录", DutyRecord.class),
    LATE_FOLLOW_UP("逾期催办", FollowUpReport.class),
    /** a township's monthly 《清单》 and 《调度表》, drafted from the ledger, confirmed and submitted */
    DISPATCH_REPORT("月度调度报送", DispatchConfirmation.class),
    /** the county's consolidation of them, submitted upward by the bureau section */
    COUNTY_DISPATCH_REPORT("县级调度汇总报送", DispatchConfirmation.class),
    // a whistleblower report's triage (whistleblower-triage.bpmn)
    WHISTLEBLOWER_VERIFICATION("举报核查", ReportVerification.class),
    WHISTLEBLOWER_REWARD("举报奖励认定", RewardDecision.class);

    private final String label;
    private final Class<? extends TaskResult> resultType;

    TaskKind(String label, Class<? extends TaskResult> resultType) {
        this.label = label;
        this.resultType = resultType;
    }

    public String label() {
        return label;
    }

    public Class<? extends TaskResult> resultType() {
        return resultType;
    }
}
