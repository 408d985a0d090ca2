package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.LedgerTime;
import java.time.Instant;
import java.time.LocalDate;

/** Where a hazard stands in its rectification loop. */
public enum HazardStatus {
    REPORTED("已上报"),
    UNDER_SUPERVISION("挂牌督办中"),
    EMERGENCY_CONTROL("紧急处置中"),
    ASSIGNING("落实责任中"),
    RECTIFYING("整改中"),
    AWAITING_VERIFICATION("待核查"),
    VERIFIED("核查通过"),
    CLOSED("已销号");

    /**
     * Whether a hazard is 逾期 on a day, the one rule of every figure, list and form (docs/statistics.md): found by then,
     * its rectification deadline before that day (a deadline is met until the end of its day), and not closed (销号)
     * by the day's end. The statistics judge it on the window's last day or today, whichever is earlier.
     */
    public static boolean overdueOn(LocalDate day, LocalDate foundOn, LocalDate deadline, Instant closedAt) {
        return deadline != null && deadline.isBefore(day) && (foundOn == null || !foundOn.isAfter(day))
                && (closedAt == null || !closedAt.isBefore(LedgerTime.startOfDayAfter(day)));
    }

    private final String label;

    HazardStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
