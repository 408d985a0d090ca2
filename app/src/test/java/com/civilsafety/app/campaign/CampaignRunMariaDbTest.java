package com.civilsafety.app.campaign;

import com.civilsafety.app.testsupport.EngineTime;
import com.civilsafety.ledger.testsupport.MariaDbDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "civil-safety.demo-data.enabled=true")
@ActiveProfiles("mysql")
// its engine has run years ahead: not a context for anyone else
@DirtiesContext
@Import(EngineTime.AsClock.class)
class CampaignRunMariaDbTest extends CampaignRunContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDatabase.register("app_campaign", registry);
    }
}
