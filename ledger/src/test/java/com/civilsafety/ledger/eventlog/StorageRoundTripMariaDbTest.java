package com.civilsafety.ledger.eventlog;

import com.civilsafety.ledger.testsupport.MariaDbDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@ActiveProfiles("mysql")
class StorageRoundTripMariaDbTest extends StorageRoundTripContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDatabase.register("ledger_roundtrip", registry);
    }
}
