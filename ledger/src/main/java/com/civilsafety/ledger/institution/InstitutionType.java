package com.civilsafety.ledger.institution;

/** The six kinds of civil-affairs service institution the campaigns cover. */
public enum InstitutionType {
    ELDERLY_CARE("养老机构"),
    CHILD_WELFARE("儿童福利机构"),
    MINOR_PROTECTION("未成年人救助保护机构"),
    RELIEF_MANAGEMENT("救助管理机构"),
    FUNERAL("殡葬服务机构"),
    MARRIAGE_REGISTRATION("婚姻登记机构");

    private final String label;

    InstitutionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
