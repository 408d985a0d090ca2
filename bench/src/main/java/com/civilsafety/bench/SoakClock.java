package com.civilsafety.bench;

import com.civilsafety.ledger.common.PlatformClock;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The soak's time: the ledger's clock and the embedded engine's, moved forward together so that a county's year
 * passes in minutes (as the app's tests do with their EngineTime). Only where {@code bench.movable-clock=true}: the
 * other benchmarks' platforms are found by the same component scan and keep the platform's clock.
 */
final class SoakClock extends Clock {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "bench.movable-clock", havingValue = "true")
    static class AsClock {
        @Bean
        @Primary
        SoakClock soakClock(ZeebeTestEngine engine, Environment environment) {
            return new SoakClock(engine, PlatformClock.of(environment));
        }
    }

    private final ZeebeTestEngine engine;
    private final Clock platform;
    private volatile Duration shift = Duration.ZERO;

    SoakClock(ZeebeTestEngine engine, Clock platform) {
        this.engine = engine;
        this.platform = platform;
    }

    /** Moves the ledger and the engine forward; the engine fires the timers now due. */
    synchronized void pass(Duration duration) {
        shift = shift.plus(duration);
        engine.increaseTime(duration);
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
        return this;
    }
}
