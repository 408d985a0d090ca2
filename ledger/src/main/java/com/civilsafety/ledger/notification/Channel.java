package com.civilsafety.ledger.notification;

/** The outside channels a notification travels on besides the platform's own list (in-app). */
public enum Channel {
    /** e-mail through the county's SMTP server */
    EMAIL("电子邮件"),
    /** SMS or government messaging (政务微信, 浙政钉, 钉钉) through the county's gateway, by a signed HTTP request */
    WEBHOOK("短信/政务消息");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
