package com.civilsafety.ledger.campaign;

public enum PhaseStatus {
    PLANNED("未开始"), OPEN("进行中"), CLOSED("已结束");

    private final String label;

    PhaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
