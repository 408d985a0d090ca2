package com.civilsafety.ledger.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a query: one row per group (reporting unit or institution type), and the total; {@code overdueOn} is
 * the day 逾期 was judged on (the window's last day, or the day the figures were computed if that was earlier).
 */
public record StatisticsReport(LocalDate from, LocalDate to, LocalDate overdueOn, String groupBy, List<Row> rows,
                               SafetyFigures total) {

    public record Row(String key, String label, SafetyFigures figures) {
    }
}
