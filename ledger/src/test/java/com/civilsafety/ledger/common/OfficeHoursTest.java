package com.civilsafety.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deadlines "by the end of office hours" on fixed days of 2027, weekends, holidays and 调休 included. */
class OfficeHoursTest {
    private static final LocalDate SATURDAY_16_OCTOBER = LocalDate.of(2027, 10, 16);

    @Test
    void aDeadlineOnADayNoOneWorksMovesToTheNextWorkingDayAtClosingTime() {
        OfficeHours hours = OfficeHours.DEFAULT;
        assertThat(hours.endOfOfficeHours(LocalDate.of(2027, 6, 16), hours.closesAt(List.of())))
                .isEqualTo(OffsetDateTime.parse("2027-06-16T17:30+08:00")); // a Wednesday
        assertThat(hours.endOfOfficeHours(SATURDAY_16_OCTOBER, hours.closesAt(List.of())))
                .isEqualTo(OffsetDateTime.parse("2027-10-18T17:30+08:00")); // Saturday → Monday
        assertThat(hours.workingDaysBefore(LocalDate.of(2027, 10, 18), 2)).isEqualTo(LocalDate.of(2027, 10, 14));
    }

    @Test
    void holidaysAreNotWorkedAndWeekendDaysListedAsWorkdaysAre() {
        // a holiday on Monday 18 October and the Sunday before it worked instead (调休)
        OfficeHours hours = new OfficeHours(LocalTime.of(17, 0), Set.of(LocalDate.of(2027, 10, 18)),
                Set.of(LocalDate.of(2027, 10, 17)), Map.of());
        assertThat(hours.isWorkingDay(LocalDate.of(2027, 10, 17))).isTrue();
        assertThat(hours.isWorkingDay(LocalDate.of(2027, 10, 18))).isFalse();
        assertThat(hours.endOfOfficeHours(SATURDAY_16_OCTOBER, hours.closesAt(List.of())))
                .isEqualTo(OffsetDateTime.parse("2027-10-17T17:00+08:00"));
        assertThat(hours.workingDayFrom(LocalDate.of(2027, 10, 18))).isEqualTo(LocalDate.of(2027, 10, 19));
    }

    @Test
    void aCountyMayCloseAtItsOwnTimeTheMostSpecificRegionFirst() {
        OfficeHours hours = new OfficeHours(null, null, null, Map.of("990121", LocalTime.of(18, 0), "990100", LocalTime.of(17, 0)));
        assertThat(hours.closesAt(List.of("990121001", "990121", "990100"))).isEqualTo(LocalTime.of(18, 0));
        assertThat(hours.closesAt(List.of("990122", "990100"))).isEqualTo(LocalTime.of(17, 0));
        assertThat(hours.closesAt(List.of("880000"))).isEqualTo(OfficeHours.DEFAULT_CLOSING);
    }
}
