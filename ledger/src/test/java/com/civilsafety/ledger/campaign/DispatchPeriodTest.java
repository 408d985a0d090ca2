package com.civilsafety.ledger.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.common.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The days of a month's and of a week's dispatch, as written (before days no one works move them). */
class DispatchPeriodTest {

    @Test
    void aMonthOpensOnTheTenthIsDueOnTheSixteenthAndConsolidatedOnTheTwentieth() {
        DispatchPeriod june = DispatchPeriod.ofMonth(YearMonth.of(2027, 6));
        assertThat(june.weekly()).isFalse();
        assertThat(june.opensOn()).isEqualTo("2027-06-10");
        assertThat(june.dueOn()).isEqualTo("2027-06-16");
        assertThat(june.countyDueOn()).isEqualTo("2027-06-20");
        assertThat(june.lastDayCovered()).isEqualTo("2027-06-15");
        assertThat(june.label()).isEqualTo("2027年6月《清单》《调度表》");
    }

    @Test
    void aWeekOpensOnMondayIsDueOnFridayAndConsolidatedTheNextMonday() {
        DispatchPeriod week = new DispatchPeriod("2027-W23");
        assertThat(week.weekly()).isTrue();
        assertThat(week.opensOn()).isEqualTo("2027-06-07");
        assertThat(week.opensOn().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(week.dueOn()).isEqualTo("2027-06-11");
        assertThat(week.countyDueOn()).isEqualTo("2027-06-14");
        assertThat(week.lastDayCovered()).isEqualTo("2027-06-10");
        assertThat(week.label()).isEqualTo("2027年第23周（6月7日—6月11日）周调度《清单》《调度表》");
    }

    /** ISO weeks: 1 January 2027 (a Friday) is in 2026's 53rd week; 2027 has 52 weeks. */
    @Test
    void weeksAreIsoWeeksAcrossTheYearsEnd() {
        assertThat(DispatchPeriod.weekOf(LocalDate.of(2027, 1, 1)).key()).isEqualTo("2026-W53");
        assertThat(new DispatchPeriod("2026-W53").firstDay()).isEqualTo("2026-12-28");
        assertThat(new DispatchPeriod("2026-W53").countyDueOn()).isEqualTo("2027-01-04");
        assertThat(DispatchPeriod.weekOf(LocalDate.of(2027, 1, 4)).key()).isEqualTo("2027-W01");
        assertThat(DispatchPeriod.weekOf(LocalDate.of(2028, 2, 29)).key()).isEqualTo("2028-W09");
        assertThatThrownBy(() -> new DispatchPeriod("2027-W53")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2027年没有第53周");
        for (String bad : new String[]{"2027-W00", "2027-W54", "2027-13", "2027-6", "W23", ""}) {
            assertThatThrownBy(() -> new DispatchPeriod(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aWorkSlotNamesItsPeriod() {
        assertThat(DispatchPeriod.ofSlot("M2027-06").key()).isEqualTo("2027-06");
        assertThat(DispatchPeriod.ofSlot("M2027-06C").key()).isEqualTo("2027-06");
        assertThat(DispatchPeriod.ofSlot("M2027-06CF").key()).isEqualTo("2027-06");
        assertThat(DispatchPeriod.ofSlot("M2027-W23F").key()).isEqualTo("2027-W23");
        assertThat(DispatchPeriod.ofSlot("M2027-W23C").key()).isEqualTo("2027-W23");
    }
}
