package com.civilsafety.ledger.statistics;

import java.util.List;

/** Hazards found per month, and how many of each month's hazards are rectified by the end of the window. */
public record MonthlyTrend(List<Month> months) {

    public record Month(String month, long hazardsFound, long major, long rectified, Double rectificationRate) {
    }
}
