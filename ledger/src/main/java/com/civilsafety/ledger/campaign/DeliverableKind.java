package com.civilsafety.ledger.campaign;

/** What someone owes the campaign by a date, and who owes it. */
public enum DeliverableKind {
    TOWNSHIP_PLAN("乡镇专项方案", Audience.REPORTING_UNITS),
    SELF_CHECK_REPORT("机构自查报告", Audience.INSTITUTIONS),
    STAGE_SUMMARY("阶段性总结", Audience.BUREAU),
    /** 阶段性进展情况 of a township (绩溪: 各乡镇、各直属机构于8月3日前报送) */
    STAGE_PROGRESS("阶段性进展情况", Audience.REPORTING_UNITS),
    TOWNSHIP_SUMMARY("乡镇工作总结", Audience.REPORTING_UNITS),
    OVERALL_SUMMARY("全面总结", Audience.BUREAU),
    /** 每季度主要负责人带队检查1次 */
    PRINCIPAL_INSPECTION("主要负责人带队检查", Audience.INSTITUTIONS,
            "由机构主要负责人带队，对照安全检查清单对本机构开展1次全面检查，如实记录检查的部位、发现的问题和整改安排，由带队负责人签名，存档备查。"),
    /** 每年至少1次应急演练 */
    EMERGENCY_DRILL("应急疏散演练", Audience.INSTITUTIONS,
            "组织全体工作人员（可结合服务对象）开展1次应急疏散演练，如实记录演练时间、参加人数、演练过程和发现的不足，由组织者签名，存档备查。");

    private final String label;
    private final Audience audience;
    private final String guidance;

    DeliverableKind(String label, Audience audience) {
        this(label, audience, null);
    }

    DeliverableKind(String label, Audience audience, String guidance) {
        this.label = label;
        this.audience = audience;
        this.guidance = guidance;
    }

    /** What a duty asks of the one who records it, in the seeds' words; null for other deliverables. */
    public String guidance() {
        return guidance;
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
