package com.civilsafety.ledger.statistics;

import java.time.LocalDate;
import java.util.List;

/** The figures of a query: one row per group (region or institution type), and the total. */
public record StatisticsReport(LocalDate from, LocalDate to, String groupBy, List<Row> rows, SafetyFigures total) {

    public record Row(String key, String label, SafetyFigures figures) {
    }
}
