package com.civilsafety.ledger.whistleblower;

/** Where a whistleblower report stands, as the reporter may see it with the tracking code. */
public enum ReportStatus {
    RECEIVED("已受理"),
    VERIFYING("核查中"),
    SUBSTANTIATED("情况属实，已立案整改"),
    DISMISSED("经核查不予立案"),
    CLOSED("已办结（情况属实）");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
