package com.civilsafety.ledger.whistleblower;

/** Who blows the whistle (安全吹哨人). */
public enum ReporterKind {
    STAFF("机构工作人员"),
    RESIDENT("服务对象或家属"),
    PUBLIC("社会公众");

    private final String label;

    ReporterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
