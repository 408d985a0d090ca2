package com.civilsafety.ledger.institution;

public enum InstitutionStatus {
    OPERATING("运营中"), SUSPENDED("停业整顿"), CLOSED("已关停");

    private final String label;

    InstitutionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
