package com.civilsafety.ledger.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.common.LedgerTime;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** A deadline in a notice: a three-year campaign's task due in 2029 must not read as due last month. */
class DueTextTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aDeadlineOfAnotherYearSaysItsYear() {
        assertThat(NotificationSources.dueText(LedgerTime.at(LocalDate.of(2029, 11, 30), LedgerTime.LAST_SECOND).toInstant(), TODAY))
                .isEqualTo("2029年11月30日");
        assertThat(NotificationSources.dueText(LedgerTime.at(LocalDate.of(2027, 1, 4), LocalTime.of(17, 30)).toInstant(), TODAY))
                .isEqualTo("2027年1月4日17:30");
    }

    @Test
    void aDeadlineThisYearIsTheDayAndTheTimeIfNotItsEnd() {
        assertThat(NotificationSources.dueText(LedgerTime.at(LocalDate.of(2026, 12, 3), LedgerTime.LAST_SECOND).toInstant(), TODAY))
                .isEqualTo("12月3日");
        assertThat(NotificationSources.dueText(LedgerTime.at(LocalDate.of(2026, 12, 4), LocalTime.of(10, 15)).toInstant(), TODAY))
                .isEqualTo("12月4日10:15");
    }
}
