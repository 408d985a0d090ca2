package com.civilsafety.ledger.statistics;

import java.util.List;

/** Hazards found in the window per category (类别), with the major ones and those rectified by the window's end. */
public record CategoryFigures(List<Category> categories) {

    public record Category(String category, String label, long hazardsFound, long major, long rectified,
                           Double rectificationRate) {
    }
}
