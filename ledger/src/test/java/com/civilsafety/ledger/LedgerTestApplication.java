package com.civilsafety.ledger;

import com.civilsafety.ledger.testsupport.MutableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@SpringBootApplication
class LedgerTestApplication {

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.systemUtc();
    }
}
