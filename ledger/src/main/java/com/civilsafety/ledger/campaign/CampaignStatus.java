package com.civilsafety.ledger.campaign;

public enum CampaignStatus {
    ACTIVE("进行中"), CLOSED("已结束"), CANCELLED("已撤销");

    private final String label;

    CampaignStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
