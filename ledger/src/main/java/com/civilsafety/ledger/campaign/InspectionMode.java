package com.civilsafety.ledger.campaign;

/** How the 部门检查 phase picks the institutions to inspect. */
public enum InspectionMode {
    FULL("全覆盖检查"),
    DOUBLE_RANDOM("双随机抽查");

    private final String label;

    InspectionMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
