package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.RectificationRate;

/** The hazards a campaign brought to light and how far their rectification has come. */
public record CampaignHazardFigures(long found, long major, long closed, long overdue) {

    /** 整改率 as docs/statistics.md defines it: none when nothing was found. */
    public Double rectificationRate() {
        return RectificationRate.of(closed, found);
    }
}
