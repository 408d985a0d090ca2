package com.civilsafety.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code civil-safety.clock.start}: the platform's clock started on another day, as the calendar sweep (bin/calendar-sweep)
 * and demonstrations use it — and the real clock otherwise.
 */
@SpringBootTest
class PlatformClockTest {
    /** the ledger's own clock (the tests' pinnable one wraps it) */
    @Autowired
    @Qualifier("clock")
    Clock clock;

    @Test
    void theLedgersTodayIsTheDayTheSweepStartedOn() {
        String start = System.getProperty(PlatformClock.START, "");
        if (start.isBlank()) {
            assertThat(Duration.between(Instant.now(), clock.instant()).abs()).as("the real clock").isLessThan(Duration.ofSeconds(5));
            return;
        }
        Instant startedAt = PlatformClock.parse(start);
        // the context started at that moment a little while ago: now is at most the length of a test run later
        assertThat(Duration.between(startedAt, clock.instant())).isBetween(Duration.ZERO, Duration.ofMinutes(30));
        assertThat(LedgerTime.today(clock)).isIn(LocalDate.ofInstant(startedAt, LedgerTime.ZONE),
                LocalDate.ofInstant(startedAt, LedgerTime.ZONE).plusDays(1));
    }

    @Test
    void aStartIsADateTimeWithOffsetOrChinasTimeOrADayAtNine() {
        assertThat(PlatformClock.parse("2028-02-28T00:20+08:00")).isEqualTo(Instant.parse("2028-02-27T16:20:00Z"));
        assertThat(PlatformClock.parse("2028-02-28T00:20")).isEqualTo(Instant.parse("2028-02-27T16:20:00Z"));
        assertThat(PlatformClock.parse("2028-02-28")).isEqualTo(Instant.parse("2028-02-28T01:00:00Z"));
        assertThatThrownBy(() -> PlatformClock.parse("tomorrow")).hasMessageContaining("不是日期时间");
    }

    @Test
    void theStartBecomesOneOffsetWhileTheEnvironmentIsPrepared() {
        MockEnvironment environment = new MockEnvironment().withProperty(PlatformClock.START, "2031-12-31T23:30+08:00");
        new PlatformClock().postProcessEnvironment(environment, new SpringApplication());
        Instant now = PlatformClock.of(environment).instant();
        assertThat(Duration.between(OffsetDateTime.parse("2031-12-31T23:30+08:00").toInstant(), now).abs())
                .isLessThan(Duration.ofSeconds(5));
        assertThat(PlatformClock.offset(environment)).isEqualTo(Duration.parse(environment.getProperty(PlatformClock.OFFSET)));
    }

    @Test
    void productionRunsOnTheRealDate() {
        MockEnvironment production = new MockEnvironment().withProperty(PlatformClock.START, "2031-12-31");
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> new PlatformClock().postProcessEnvironment(production, new SpringApplication()))
                .hasMessageContaining("生产环境");
        MockEnvironment unset = new MockEnvironment();
        new PlatformClock().postProcessEnvironment(unset, new SpringApplication());
        assertThat(PlatformClock.offset(unset)).isZero();
    }
}
