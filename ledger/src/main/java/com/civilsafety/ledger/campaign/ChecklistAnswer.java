package com.civilsafety.ledger.campaign;

/** An answer on the self-check checklist: does the institution meet the item? */
public enum ChecklistAnswer {
    YES("是"), NO("否"), NOT_APPLICABLE("不涉及");

    private final String label;

    ChecklistAnswer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
