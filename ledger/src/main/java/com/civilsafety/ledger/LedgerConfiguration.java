package com.civilsafety.ledger;

import com.civilsafety.ledger.campaign.BureauSections;
import com.civilsafety.ledger.common.LegacyMigrationHistory;
import com.civilsafety.ledger.common.OfficeHours;
import com.civilsafety.ledger.common.ReportPhones;
import com.civilsafety.ledger.common.PlatformClock;
import java.time.Clock;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OfficeHours.class, ReportPhones.class, BureauSections.class})
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

    /**
     * BCrypt, at its usual cost (2^10 rounds, about 70 ms a check here) unless configured: the tests lower it, as
     * they sign in with HTTP Basic tens of thousands of times. The cost is kept in each hash; it applies to passwords
     * set from then on.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${civil-safety.password-hash.cost:10}") int cost) {
        return new BCryptPasswordEncoder(cost);
    }
}
