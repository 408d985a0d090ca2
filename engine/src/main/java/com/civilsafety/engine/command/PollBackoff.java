package com.civilsafety.engine.command;

import io.camunda.client.api.worker.BackoffSupplier;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a worker waits after a poll that found nothing while its job stream is open: the client asks this
 * supplier, and the starter's default caps the wait at 5 s whatever the poll interval says — 28 workers then poll
 * ~5 times a second, each poll two records the embedded engine keeps in memory for good (issue 24 measured 9.2
 * records/s on an idle platform). Capped at the poll interval instead. The engine pushes every job that becomes
 * activatable (created, failed with retries, back from a retry back-off or a time-out) to the streams, so a poll
 * only catches a push that was lost. The supplier also spaces the client's retries of a refused command.
 */
@Configuration(proxyBeanMethods = false)
class PollBackoff {

    @Bean
    BackoffSupplier backoffSupplier(@Value("${camunda.client.worker.defaults.poll-interval:PT30S}") Duration pollInterval) {
        return BackoffSupplier.newBackoffBuilder().maxDelay(pollInterval.toMillis()).build();
    }
}
