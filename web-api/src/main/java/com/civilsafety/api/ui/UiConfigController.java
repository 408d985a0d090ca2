package com.civilsafety.api.ui;

import com.civilsafety.api.operate.OperateLinks;
import com.civilsafety.engine.embedded.EngineRecycle;
import com.civilsafety.ledger.common.LedgerTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web UI needs to know before anyone signs in: how to sign in (the local form, or Keycloak with the realm's
 * public PKCE client), where Operate is, if there is one, and the platform's now and today (China's date on the
 * platform's clock), which date fields default to and are checked against — the browser's clock may be wrong, and a
 * platform tried on another day (civil-safety.clock.start) is not on today's date; and when the platform next restarts
 * for its engine's sake (embedded engine only: {@link EngineRecycle}), which the page announces beforehand. Nothing
 * secret: the page could read it from its own code.
 */
@RestController
class UiConfigController {

    record Keycloak(String url, String realm, String clientId) {
    }

    record UiConfig(String authMode, Keycloak keycloak, String operateUrl, LocalDate today, Instant now, Instant maintenanceAt) {
    }

    private final String authMode;
    private final Keycloak keycloak;
    private final OperateLinks operate;
    private final Clock clock;
    private final ObjectProvider<EngineRecycle> recycle;

    UiConfigController(@Value("${civil-safety.auth.mode:local}") String authMode,
                       @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                       @Value("${civil-safety.ui.keycloak-client-id:civil-safety-ui}") String clientId,
                       OperateLinks operate, Clock clock, ObjectProvider<EngineRecycle> recycle) {
        Keycloak keycloak = null;
        int realms = issuer.lastIndexOf("/realms/");
        if ("keycloak".equals(authMode) && realms > 0) {
            keycloak = new Keycloak(issuer.substring(0, realms), issuer.substring(realms + "/realms/".length()), clientId);
        }
        this.authMode = authMode;
        this.keycloak = keycloak;
        this.operate = operate;
        this.clock = clock;
        this.recycle = recycle;
    }

    @GetMapping("/api/ui-config")
    UiConfig config() {
        Instant now = clock.instant();
        EngineRecycle engineRecycle = recycle.getIfAvailable();
        Instant maintenanceAt = engineRecycle == null ? null : engineRecycle.next().orElse(null);
        return new UiConfig(authMode, keycloak, operate.home(), LocalDate.ofInstant(now, LedgerTime.ZONE), now, maintenanceAt);
    }
}
