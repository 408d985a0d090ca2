package com.civilsafety.ledger.campaign;

/** The kinds of campaign phase the seed plans use (绩溪 2023: five phases; 泽州 2024–2026: four). */
public enum PhaseKind {
    MOBILISATION("动员部署"),
    SELF_CHECK("机构自查整改"),
    DEPARTMENT_CHECK("部门检查"),
    SUPERVISION("督导检查"),
    SUMMARY("总结提高"),
    FOCUSED_REMEDIATION("集中攻坚"),
    ROOT_CAUSE("治本提升"),
    EVALUATION("总结评估");

    private final String label;

    PhaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
