package com.civilsafety.ledger.campaign;

/** What someone owes the campaign by a date, and who owes it. */
public enum DeliverableKind {
    TOWNSHIP_PLAN("乡镇专项方案", Audience.TOWNSHIPS),
    SELF_CHECK_REPORT("机构自查报告", Audience.INSTITUTIONS),
    STAGE_SUMMARY("阶段性总结", Audience.BUREAU),
    TOWNSHIP_SUMMARY("乡镇工作总结", Audience.TOWNSHIPS),
    OVERALL_SUMMARY("全面总结", Audience.BUREAU),
    /** 每季度主要负责人带队检查1次 */
    PRINCIPAL_INSPECTION("主要负责人带队检查", Audience.INSTITUTIONS),
    /** 每年至少1次应急演练 */
    EMERGENCY_DRILL("应急疏散演练", Audience.INSTITUTIONS);

    private final String label;
    private final Audience audience;

    DeliverableKind(String label, Audience audience) {
        this.label = label;
        this.audience = audience;
    }

    public String label() {
        return label;
    }

    public Audience audience() {
        return audience;
    }

    /** Summaries are drafted from ledger figures; duties are signed records of what was done. */
    public boolean drafted() {
        return this == STAGE_SUMMARY || this == OVERALL_SUMMARY;
    }

    public boolean duty() {
        return this == PRINCIPAL_INSPECTION || this == EMERGENCY_DRILL;
    }
}
