package com.civilsafety.ledger.hazard;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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

    /** Rectification confirmed (核查通过) or closed: before that, a hazard past its deadline is overdue (逾期). */
    public static final Set<HazardStatus> RECTIFIED = Collections.unmodifiableSet(EnumSet.of(VERIFIED, CLOSED));

    private final String label;

    HazardStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
