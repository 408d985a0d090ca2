package com.civilsafety.app.testsupport;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One time for the embedded engine and the ledger: a test registers this as the primary {@link Clock} and moves both
 * forward together, so that the ledger's "today" is the day the engine's timers fire on.
 */
public final class EngineTime extends Clock {

    /** Imported by a test that moves time: this clock becomes the engine's and the ledger's. */
    @TestConfiguration
    public static class AsClock {
        @Bean
        @Primary
        EngineTime engineTime() {
            return new EngineTime();
        }
    }

    private volatile Duration shift = Duration.ZERO;
    private ZeebeTestEngine engine;

    public void drive(ZeebeTestEngine engine) {
        this.engine = engine;
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

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), shift);
    }
}
