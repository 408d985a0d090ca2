package com.civilsafety.ledger.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The platform's "now": the system clock, or — for trying and testing the platform on another day (a demonstration on
 * 31 December, the tests' calendar sweep) — a clock started at the moment {@code civil-safety.clock.start} names
 * ({@code 2028-02-28T23:30+08:00}, or a date and time read in China's zone, or a date at 09:00) and running on from
 * there. The start is turned into one fixed offset while the environment is prepared, so that the ledger and the
 * embedded engine (which shifts its clock by the same offset) agree to the millisecond. Refused under the
 * {@code production} profile: a production system runs on the real date.
 */
public final class PlatformClock implements EnvironmentPostProcessor {
    public static final String START = "civil-safety.clock.start";
    /** Set by this class from {@link #START}; not meant to be configured. */
    public static final String OFFSET = "civil-safety.clock.offset";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String start = environment.getProperty(START, "").strip();
        if (start.isEmpty()) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException(START + " 只用于试用和测试，生产环境（production 配置）必须使用真实日期");
        }
        Duration offset = Duration.between(Instant.now(), parse(start)).truncatedTo(ChronoUnit.MILLIS);
        environment.getPropertySources().addFirst(new MapPropertySource("civil-safety-clock", Map.of(OFFSET, offset.toString())));
    }

    /** The clock of an application whose environment this class has prepared. */
    public static Clock of(Environment environment) {
        return of(offset(environment));
    }

    public static Clock of(Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    /** How far the platform's clock runs ahead of the system clock (negative: behind). */
    public static Duration offset(Environment environment) {
        return Duration.parse(environment.getProperty(OFFSET, "PT0S"));
    }

    static Instant parse(String start) {
        try {
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(start).atZone(LedgerTime.ZONE).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(start).atTime(LedgerTime.WORKDAY_START).atZone(LedgerTime.ZONE).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new IllegalStateException(START + " 的值 “" + start + "” 不是日期时间，应如 2028-02-28T23:30+08:00、"
                            + "2028-02-28T23:30（北京时间）或 2028-02-28（当日9时）");
                }
            }
        }
    }
}
