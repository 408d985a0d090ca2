package com.civilsafety.ledger.hazard;

/** How a hazard came to light (发现方式). */
public enum HazardSource {
    SELF_CHECK("机构自查"),
    DEPARTMENT_CHECK("部门检查"),
    SUPERVISION("督导检查"),
    EXPERT("专家勘察"),
    THIRD_PARTY("第三方评估"),
    VIDEO_PATROL("视频巡查"),
    WHISTLEBLOWER("举报");

    private final String label;

    HazardSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
