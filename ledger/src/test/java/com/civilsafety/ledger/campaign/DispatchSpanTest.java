package com.civilsafety.ledger.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which months and weeks a campaign's span reports in: a report covers the campaign from its first day to the day
 * before its due day, so no period is due on the campaign's first day (its span would end before it begins).
 */
class DispatchSpanTest {

    private static List<CampaignPhase> campaign(LocalDate from, LocalDate to) {
        return List.of(new CampaignPhase(1L, 1, new CampaignPlan.Phase(PhaseKind.SELF_CHECK, null, from, to)));
    }

    @Test
    void aCampaignStartingOnAFridayFirstReportsTheNextWeek() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(MonthlyDispatch.weeks(campaign(friday, friday.plusWeeks(3)))).containsExactly("2026-W50", "2026-W51", "2026-W52");
        assertThat(MonthlyDispatch.weeks(campaign(friday.minusDays(1), friday.plusWeeks(1)))).containsExactly("2026-W49", "2026-W50");
    }

    @Test
    void aCampaignStartingOnTheSixteenthFirstReportsTheNextMonth() {
        assertThat(MonthlyDispatch.months(campaign(LocalDate.of(2027, 6, 16), LocalDate.of(2027, 8, 16))))
                .containsExactly("2027-07", "2027-08");
        assertThat(MonthlyDispatch.months(campaign(LocalDate.of(2027, 6, 15), LocalDate.of(2027, 7, 15))))
                .containsExactly("2027-06");
    }

    /** Every first day over two years (one of them leap), every period of a five-week to three-month campaign. */
    @Test
    void everyReportedPeriodCoversAtLeastTheCampaignsFirstDay() {
        for (LocalDate start = LocalDate.of(2027, 1, 1); start.isBefore(LocalDate.of(2029, 1, 1)); start = start.plusDays(1)) {
            for (LocalDate end : List.of(start.plusWeeks(5), start.plusMonths(3))) {
                List<CampaignPhase> schedule = campaign(start, end);
                List<String> periods = new ArrayList<>(MonthlyDispatch.months(schedule));
                periods.addAll(MonthlyDispatch.weeks(schedule));
                assertThat(periods).as("from %s", start).isNotEmpty();
                for (String period : periods) {
                    LocalDate[] covered = MonthlyDispatch.period(schedule, period);
                    assertThat(covered[0]).as("%s from %s", period, start).isEqualTo(start).isBeforeOrEqualTo(covered[1]);
                    assertThat(new DispatchPeriod(period).dueOn()).as("%s from %s", period, start).isAfter(start)
                            .isBeforeOrEqualTo(end);
                }
            }
        }
    }
}
