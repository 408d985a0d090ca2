package com.civilsafety.ledger.common;

import java.util.Locale;

/** 整改率, the one definition (docs/statistics.md): rectified ÷ found in percent to one decimal; none when nothing was found. */
public final class RectificationRate {
    private RectificationRate() {
    }

    public static Double of(long rectified, long found) {
        return found == 0 ? null : Math.round(rectified * 1000.0 / found) / 10.0;
    }

    /** As the forms print it: "40.0%", or "—" when nothing was found. */
    public static String format(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate);
    }
}
