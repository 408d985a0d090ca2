package com.civilsafety.ledger;

import com.civilsafety.ledger.common.LegacyMigrationHistory;
import com.civilsafety.ledger.common.PlatformClock;
import java.time.Clock;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    /** All "now"s of the ledger come from here, so tests can pin time (and civil-safety.clock.start can move it). */
    @Bean
    Clock clock(Environment environment) {
        return PlatformClock.of(environment);
    }

    /** Flyway migrates the ledger at start, after accepting the checksums of the files the migrations once were. */
    @Bean
    FlywayMigrationStrategy flywayMigrationStrategy() {
        return LegacyMigrationHistory::migrate;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
