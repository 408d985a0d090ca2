package com.civilsafety.ledger.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates in the ledger are China's civil dates; instants are stored in UTC. */
public final class LedgerTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // not LocalTime.MAX: its nanoseconds round up to the next midnight in a microsecond column
    public static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);
    /** Reminders and re-checks fall due at the start of a working day. */
    public static final LocalTime WORKDAY_START = LocalTime.of(9, 0);
    /** A day as the platform's texts write it to people: 12月3日. */
    public static final DateTimeFormatter DAY_AS_WRITTEN = DateTimeFormatter.ofPattern("M月d日");

    private LedgerTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** A moment of a day in China, with China's offset (as "2026-12-20T23:59:59+08:00"). */
    public static OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ZONE).toOffsetDateTime();
    }

    /** The first instant of the day after, in China: what happens "by the end of" a day happens before it. */
    public static Instant startOfDayAfter(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** A deadline date is met until the end of that day in China. */
    public static Instant endOf(LocalDate day) {
        return day.atTime(LAST_SECOND).atZone(ZONE).toInstant();
    }
}
