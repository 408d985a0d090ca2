package com.civilsafety.app.ui;

import com.civilsafety.app.testsupport.BrowserScript;
import com.civilsafety.app.testsupport.KeycloakServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The web UI signing in through the real Keycloak realm (authorization code + PKCE, web-ui/e2e/keycloak-sign-in.mjs).
 * The platform runs on port 18080: a redirect address the realm's UI client lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"server.port=18080", "spring.datasource.url=jdbc:h2:mem:keycloak-browser;DB_CLOSE_DELAY=-1",
                "civil-safety.demo-data.enabled=true"})
@ActiveProfiles("keycloak")
class KeycloakBrowserSignInTest {

    @BeforeAll
    static void keycloak() {
        KeycloakServer.require();
    }

    @Test
    void aTownshipOfficerSignsInAtKeycloakAndSeesTheirTownship() throws Exception {
        BrowserScript.require();
        BrowserScript.run("keycloak-sign-in.mjs", 18080);
    }
}
