package com.civilsafety.ledger.hazard;

/** Emergency measures when people are at risk (紧急处置). */
public enum EmergencyMeasure {
    EVACUATE_RESIDENTS("撤出服务对象"),
    EVACUATE_STAFF("撤出工作人员"),
    STOP_FACILITY("停止使用相关设施设备"),
    CORDON_OFF("划定警戒区域"),
    OTHER("其他措施");

    private final String label;

    EmergencyMeasure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
