package com.civilsafety.app.testsupport;

import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.PlatformClock;
import com.civilsafety.ledger.testsupport.ZonedView;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * One time for the embedded engine and the ledger: a test registers this as the primary {@link Clock} and moves both
 * forward together, so that the ledger's "today" is the day the engine's timers fire on. It starts from the platform's
 * clock (the system clock, or the day the calendar sweep starts on: {@link PlatformClock}).
 */
public final class EngineTime extends Clock {

    /** Imported by a test that moves time: this clock becomes the engine's and the ledger's. */
    @TestConfiguration
    public static class AsClock {
        @Bean
        @Primary
        EngineTime engineTime(ZeebeTestEngine engine, Environment environment) {
            return new EngineTime(engine, PlatformClock.of(environment));
        }
    }

    private final ZeebeTestEngine engine;
    private final Clock platform;
    private volatile Duration shift = Duration.ZERO;

    EngineTime(ZeebeTestEngine engine, Clock platform) {
        this.engine = engine;
        this.platform = platform;
    }

    /** Moves the engine and the ledger forward; the engine fires the timers now due. */
    public synchronized void pass(Duration duration) {
        shift = shift.plus(duration);
        engine.increaseTime(duration);
    }

    /** Moves forward to a moment, if it still lies ahead. */
    public void passTo(Instant moment) {
        Duration ahead = Duration.between(instant(), moment);
        if (!ahead.isNegative()) {
            pass(ahead);
        }
    }

    /** Moves forward to a time of a day in China. */
    public void passTo(LocalDate day, LocalTime at) {
        passTo(day.atTime(at).atZone(LedgerTime.ZONE).toInstant());
    }

    /** The ledger's today. */
    public LocalDate today() {
        return LedgerTime.today(this);
    }

    @Override
    public Instant instant() {
        return platform.instant().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ZonedView(this, zone);
    }
}
