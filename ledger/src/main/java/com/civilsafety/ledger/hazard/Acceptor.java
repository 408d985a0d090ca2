package com.civilsafety.ledger.hazard;

/** Who verified and accepted a rectification (验收). */
public enum Acceptor {
    INSPECTOR("检查人员"), EXPERT("专家"), THIRD_PARTY("第三方机构");

    private final String label;

    Acceptor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
