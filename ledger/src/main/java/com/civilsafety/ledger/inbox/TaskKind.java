package com.civilsafety.ledger.inbox;

import com.civilsafety.ledger.hazard.RectificationReport;
import com.civilsafety.ledger.hazard.VerificationResult;

/** The kinds of human step, each with the form a person fills to complete it. */
public enum TaskKind {
    RECTIFICATION("隐患整改", RectificationReport.class),
    VERIFICATION("整改核查", VerificationResult.class);

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
