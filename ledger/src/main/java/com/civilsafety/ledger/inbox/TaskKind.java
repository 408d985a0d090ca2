package com.civilsafety.ledger.inbox;

/**
 * The kinds of human step. The form a person fills to complete each is registered by the feature that opens it
 * ({@link TaskForms}): the inbox knows no feature's form.
 */
public enum TaskKind {
    SUPERVISION("挂牌督办"),
    EMERGENCY_MEASURES("紧急处置"),
    ASSIGNMENT("落实整改责任"),
    RECTIFICATION("隐患整改"),
    EXPLANATION("逾期书面说明"),
    EXTENSION("延期审批"),
    VERIFICATION("整改核查"),
    RECHECK("回头看"),
    // campaign work, fanned out by the ledger: no process waits on these tasks one by one
    NOTICE("行动通知签收"),
    SELF_CHECK("机构自查"),
    INSPECTION("部门检查"),
    SAMPLE_RECHECK("督导回头看"),
    SUPERVISION_VISIT("督导检查"),
    DELIVERABLE("报送材料"),
    DUTY_RECORD("履职记录"),
    LATE_FOLLOW_UP("逾期催办"),
    /** a township's monthly 《清单》 and 《调度表》, drafted from the ledger, confirmed and submitted */
    DISPATCH_REPORT("调度报送"),
    /** the county's consolidation of them, submitted upward by the bureau section */
    COUNTY_DISPATCH_REPORT("县级调度汇总报送"),
    /** a bureau section's 本领域 《清单》《调度表》, reported to the consolidating section */
    FIELD_DISPATCH_REPORT("本领域调度汇总报送"),
    // a whistleblower report's triage (whistleblower-triage.bpmn)
    WHISTLEBLOWER_VERIFICATION("举报核查"),
    WHISTLEBLOWER_REWARD("举报奖励认定");

    private final String label;

    TaskKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
