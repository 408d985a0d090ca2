package com.civilsafety.ledger.campaign;

/** Where a piece of campaign work stands; lateness is recorded beside it (a late self-check can still come in). */
public enum WorkStatus {
    OPEN("未报送"), SUBMITTED("已报送"), CANCELLED("已撤销");

    private final String label;

    WorkStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
