package com.civilsafety.ledger.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Dates in the ledger are China's civil dates; instants are stored in UTC. */
public final class LedgerTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // not LocalTime.MAX: its nanoseconds round up to the next midnight in a microsecond column
    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private LedgerTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** A deadline date is met until the end of that day in China. */
    public static Instant endOf(LocalDate day) {
        return day.atTime(LAST_SECOND).atZone(ZONE).toInstant();
    }
}
