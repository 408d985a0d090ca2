package com.civilsafety.engine.embedded;

import com.civilsafety.engine.rebuild.ProcessRebuild;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedded engine starts empty: once the platform is up (models deployed, workers polling), every open hazard and
 * running campaign is rebuilt from the ledger ({@link ProcessRebuild}), so a restart loses none. Off with
 * {@code civil-safety.engine.embedded.rebuild-on-start=false} (the tests, whose contexts share a database).
 */
@Component
@ConditionalOnBean(ZeebeTestEngine.class)
@ConditionalOnProperty(name = "civil-safety.engine.embedded.rebuild-on-start", havingValue = "true", matchIfMissing = true)
class EmbeddedEngineRebuild {
    private final ProcessRebuild rebuild;

    EmbeddedEngineRebuild(ProcessRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildFromTheLedger() {
        rebuild.rebuild();
    }
}
