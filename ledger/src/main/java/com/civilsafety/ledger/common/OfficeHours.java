package com.civilsafety.ledger.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bureaus' office hours (办公时间, {@code civil-safety.office-hours}): when a working day ends (下午下班) and which
 * days are worked. A deadline "by the end of office hours on the 16th" (每月16日下午下班前) falls at the closing time of
 * that day or — when no one works that day — of the first working day after it, as the law counts a period that ends on
 * a holiday (期间届满的最后一日是法定节假日的，以节假日后的第一日为期间届满的日期). Saturdays and Sundays are not worked
 * unless listed among the {@code workdays} (调休上班); {@code holidays} (法定节假日) are listed as the State Council
 * publishes them each year — none are assumed. A county (or any region, by its code) may close at another time.
 */
@ConfigurationProperties("civil-safety.office-hours")
public record OfficeHours(LocalTime closesAt, Set<LocalDate> holidays, Set<LocalDate> workdays,
                          Map<String, LocalTime> closesAtByRegion) {
    public static final LocalTime DEFAULT_CLOSING = LocalTime.of(17, 30);
    /** The defaults: weekdays worked, closing at 17:30, no holidays listed. */
    public static final OfficeHours DEFAULT = new OfficeHours(null, null, null, null);

    public OfficeHours {
        closesAt = closesAt == null ? DEFAULT_CLOSING : closesAt;
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        workdays = workdays == null ? Set.of() : Set.copyOf(workdays);
        closesAtByRegion = closesAtByRegion == null ? Map.of() : Map.copyOf(closesAtByRegion);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /** The day itself if it is worked, else the first working day after it. */
    public LocalDate workingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The working day {@code n} working days before {@code day} (n ≥ 1). */
    public LocalDate workingDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** When the office of the first of these regions (most specific first) that has its own hours closes. */
    public LocalTime closesAt(List<String> regionCodes) {
        return regionCodes.stream().map(closesAtByRegion::get).filter(t -> t != null).findFirst().orElse(closesAt);
    }

    /** By the end of office hours on a day: its closing time, or that of the first working day after it. */
    public OffsetDateTime endOfOfficeHours(LocalDate day, LocalTime closing) {
        return LedgerTime.at(workingDayFrom(day), closing);
    }
}
