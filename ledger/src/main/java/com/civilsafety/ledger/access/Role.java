package com.civilsafety.ledger.access;

import java.util.Arrays;

/** The roles of shared/docs/design.md; {@link #code()} is the role name used in tokens and the API. */
public enum Role {
    BUREAU_ADMIN("bureau-admin", "县局管理员"),
    BUREAU_SECTION("bureau-section", "业务股室"),
    LEADER("leader", "局领导"),
    TOWNSHIP_OFFICER("township-officer", "乡镇民政办"),
    INSTITUTION_MANAGER("institution-manager", "机构负责人"),
    INSPECTOR("inspector", "检查人员"),
    /** an expert the county engages (专家诊断, 专家勘察): reports what he finds, and accepts a major hazard where no third party does */
    EXPERT("expert", "专家"),
    /** a third-party assessment body (第三方评估): reports what it finds, and accepts major hazards (第三方评估验收) */
    THIRD_PARTY("third-party", "第三方机构");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Role ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + code));
    }
}
