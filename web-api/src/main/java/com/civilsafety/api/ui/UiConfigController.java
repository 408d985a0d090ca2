package com.civilsafety.api.ui;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web UI needs to know before anyone signs in: how to sign in (the local form, or Keycloak with the realm's
 * public PKCE client) and where Operate is, if there is one. Nothing secret: the page could read it from its own code.
 */
@RestController
class UiConfigController {

    record Keycloak(String url, String realm, String clientId) {
    }

    record UiConfig(String authMode, Keycloak keycloak, String operateUrl) {
    }

    private final UiConfig config;

    UiConfigController(@Value("${civil-safety.auth.mode:local}") String authMode,
                       @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                       @Value("${civil-safety.ui.keycloak-client-id:civil-safety-ui}") String clientId,
                       @Value("${civil-safety.operate.url:}") String operateUrl) {
        Keycloak keycloak = null;
        int realms = issuer.lastIndexOf("/realms/");
        if ("keycloak".equals(authMode) && realms > 0) {
            keycloak = new Keycloak(issuer.substring(0, realms), issuer.substring(realms + "/realms/".length()), clientId);
        }
        this.config = new UiConfig(authMode, keycloak, operateUrl.isBlank() ? null : operateUrl);
    }

    @GetMapping("/api/ui-config")
    UiConfig config() {
        return config;
    }
}
