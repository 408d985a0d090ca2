package com.civilsafety.ledger.hazard;

public enum HazardGrade {
    MAJOR("重大事故隐患"), GENERAL("一般隐患");

    private final String label;

    HazardGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
