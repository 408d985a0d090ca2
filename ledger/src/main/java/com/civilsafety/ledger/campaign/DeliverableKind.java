package com.civilsafety.ledger.campaign;

/** What someone owes the campaign by a date. */
public enum DeliverableKind {
    TOWNSHIP_PLAN("乡镇专项方案"),
    SELF_CHECK_REPORT("机构自查报告"),
    STAGE_SUMMARY("阶段性总结"),
    TOWNSHIP_SUMMARY("乡镇工作总结"),
    OVERALL_SUMMARY("全面总结");

    private final String label;

    DeliverableKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
