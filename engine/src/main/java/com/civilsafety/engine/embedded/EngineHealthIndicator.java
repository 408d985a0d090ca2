package com.civilsafety.engine.embedded;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The engine is part of the platform's health: without it nothing moves. Uses the gRPC topology request. */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {
    private final CamundaClient client;

    EngineHealthIndicator(CamundaClient client) {
        super("engine unreachable");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Topology topology = client.newTopologyRequest().useGrpc().requestTimeout(Duration.ofSeconds(3)).send().join();
        builder.up().withDetail("brokers", topology.getBrokers().size()).withDetail("gatewayVersion", topology.getGatewayVersion());
    }
}
