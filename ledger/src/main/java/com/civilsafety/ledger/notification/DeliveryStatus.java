package com.civilsafety.ledger.notification;

public enum DeliveryStatus {
    PENDING("待发送"), SENT("已发送"), GAVE_UP("发送失败，已放弃");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
