package com.civilsafety.ledger.inbox;

public enum TaskStatus {
    OPEN("待办"), COMPLETED("已办结"), CANCELLED("已撤销");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
