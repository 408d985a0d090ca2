package com.civilsafety.ledger.hazard;

/** Who supervises the rectification (督办层级). */
public enum SupervisionLevel {
    COUNTY("县级"), TOWNSHIP("乡镇");

    private final String label;

    SupervisionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
