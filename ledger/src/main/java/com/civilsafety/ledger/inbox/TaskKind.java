package com.civilsafety.ledger.inbox;

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
    RECHECK("回头看", RecheckResult.class);

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
