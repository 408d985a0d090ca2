package com.civilsafety.ledger;

import com.civilsafety.ledger.common.PlatformClock;
import com.civilsafety.ledger.testsupport.MutableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

@SpringBootApplication
class LedgerTestApplication {

    @Bean
    @Primary
    MutableClock testClock(Environment environment) {
        return MutableClock.over(PlatformClock.of(environment));
    }
}
