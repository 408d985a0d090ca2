package com.civilsafety;

import com.civilsafety.engine.hazard.HazardWorkers;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The ledger and the step recorder, with the workers under test called directly: no engine and no Camunda client
 * (the engine-driven runs are the app's tests), so the module's classes that send commands are left out.
 */
@SpringBootApplication(scanBasePackages = {"com.civilsafety.ledger", "com.civilsafety.engine.step"})
@Import(HazardWorkers.class)
class EngineTestApplication {
}
