package com.civilsafety.ledger.criterion;

/** Hazard categories used by the MCA 判定标准 and the campaign forms. */
public enum HazardCategory {
    BUILDING("房屋建筑"),
    FIRE("消防"),
    ELECTRICAL("电气"),
    GAS("燃气"),
    SPECIAL_EQUIPMENT("特种设备"),
    FOOD("食品"),
    MEDICAL("医疗"),
    QUALIFICATION("资质"),
    DAILY_MANAGEMENT("日常管理"),
    SERVICE_SAFETY("服务安全"),
    OTHER("其他");

    private final String label;

    HazardCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
