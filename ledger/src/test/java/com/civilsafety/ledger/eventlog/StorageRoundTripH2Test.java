package com.civilsafety.ledger.eventlog;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class StorageRoundTripH2Test extends StorageRoundTripContract {
}
