package com.civilsafety.ledger.hazard;

/** The hazards a campaign brought to light and how far their rectification has come. */
public record CampaignHazardFigures(long found, long major, long closed, long overdue) {

    /** 整改率: closed out of found, in percent with one decimal; 100 when nothing was found. */
    public double rectificationRate() {
        return found == 0 ? 100.0 : Math.round(closed * 1000.0 / found) / 10.0;
    }
}
