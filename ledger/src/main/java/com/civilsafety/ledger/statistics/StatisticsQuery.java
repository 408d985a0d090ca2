package com.civilsafety.ledger.statistics;

import com.civilsafety.ledger.institution.InstitutionType;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which figures: a window of China dates (both ends included), optionally one region (within the caller's scope)
 * and one institution type — or the types a campaign covers, for its forms — grouped by township (the institution's
 * region), by institution type, or not at all.
 */
public record StatisticsQuery(LocalDate from, LocalDate to, Long regionId, InstitutionType institutionType, Grouping groupBy,
                              Set<InstitutionType> types) {

    public StatisticsQuery(LocalDate from, LocalDate to, Long regionId, InstitutionType institutionType, Grouping groupBy) {
        this(from, to, regionId, institutionType, groupBy, null);
    }

    public enum Grouping {
        NONE, REGION, INSTITUTION_TYPE
    }

    /** This year so far unless the window is given. */
    public static StatisticsQuery withDefaults(LocalDate from, LocalDate to, LocalDate today, Long regionId,
                                               InstitutionType institutionType, Grouping groupBy) {
        return new StatisticsQuery(from == null ? today.withDayOfYear(1) : from, to == null ? today : to, regionId,
                institutionType, groupBy);
    }
}
