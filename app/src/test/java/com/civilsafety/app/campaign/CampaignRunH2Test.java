package com.civilsafety.app.campaign;

import com.civilsafety.app.testsupport.EngineTime;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:campaign-run;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
// its engine has run years ahead: not a context for anyone else
@DirtiesContext
@Import(EngineTime.AsClock.class)
class CampaignRunH2Test extends CampaignRunContract {
}
