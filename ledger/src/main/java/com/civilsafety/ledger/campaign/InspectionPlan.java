package com.civilsafety.ledger.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How a campaign's inspections are assigned: full coverage or 双随机 (a share of the institutions, always including
 * those flagged 长期零报告), how many inspectors go to each, and whether they come unannounced (四不两直: the
 * institution is not told in advance).
 */
public record InspectionPlan(
        @NotNull(message = "必须选择检查方式") InspectionMode mode,
        @Min(value = 1, message = "抽查比例须在1%到100%之间") @Max(value = 100, message = "抽查比例须在1%到100%之间") Integer sharePercent,
        @Min(value = 1, message = "每家机构检查人员须为1到5人") @Max(value = 5, message = "每家机构检查人员须为1到5人") Integer inspectorsPerInstitution,
        Boolean unannounced) {

    public static final InspectionPlan FULL_COVERAGE = new InspectionPlan(InspectionMode.FULL, 100, 2, false);

    int share() {
        return mode == InspectionMode.FULL || sharePercent == null ? 100 : sharePercent;
    }

    int inspectors() {
        return inspectorsPerInstitution == null ? 2 : inspectorsPerInstitution;
    }
}
