package com.civilsafety.ledger.notification;

/** What a notification is about, with the words a person reads first. */
public enum NotificationKind {
    NEW_TASK("新待办"),
    DEADLINE_REMINDER("期限提醒"),
    OVERDUE("逾期通报"),
    ESCALATED("逾期升级"),
    SUPERVISION("挂牌督办"),
    EXTENSION_DECIDED("延期审批结果"),
    VERIFICATION_FAILED("核查未通过"),
    TASK_REMINDER("催办"),
    INCIDENT("流程故障"),
    DIGEST("每日汇总");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
