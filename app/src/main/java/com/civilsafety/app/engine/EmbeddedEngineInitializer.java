package com.civilsafety.app.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code civil-safety.engine.mode=embedded} (the default) starts an in-process Zeebe engine before any bean
 * exists, and points the Camunda client at its gRPC gateway. It is a real engine but keeps its state in memory and
 * has no REST API, so the client is told to use gRPC only; its REST address is a closed port so that a REST-only call
 * fails at once instead of hanging. With {@code remote}, nothing is started and {@code camunda.client.*} as configured
 * points at a Camunda 8 cluster. Registered in META-INF/spring.factories, so tests get it too.
 */
public class EmbeddedEngineInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String MODE = "civil-safety.engine.mode";
    public static final String PORT = "civil-safety.engine.embedded.port";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        String mode = env.getProperty(MODE, "embedded");
        switch (mode) {
            case "remote" -> log.info("Engine mode remote: using the Camunda 8 cluster at {}", env.getProperty("camunda.client.grpc-address"));
            case "embedded" -> start(context, env);
            default -> throw new IllegalStateException(MODE + " must be 'embedded' or 'remote', not '" + mode + "'");
        }
    }

    private static void start(ConfigurableApplicationContext context, ConfigurableEnvironment env) {
        int port = env.getProperty(PORT, Integer.class, 26500);
        long started = System.nanoTime();
        ZeebeTestEngine engine = port == 0 ? EngineFactory.create() : EngineFactory.create(port);
        engine.start();
        String gateway = engine.getGatewayAddress().replace("0.0.0.0", "127.0.0.1");
        env.getPropertySources().addFirst(new MapPropertySource("civil-safety-embedded-engine", Map.of(
                "camunda.client.mode", "self-managed",
                "camunda.client.grpc-address", "http://" + gateway,
                "camunda.client.rest-address", "http://127.0.0.1:9",
                "camunda.client.prefer-rest-over-grpc", "false",
                "camunda.client.auth.method", "none",
                // job keys start afresh with every embedded engine: this tells the engine's lifetimes apart
                "civil-safety.engine.epoch", UUID.randomUUID().toString())));
        // registered first, so destroyed last: the client and its workers stop before the engine does
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("embeddedEngine", engine);
        beans.registerDisposableBean("embeddedEngine", engine::stop);
        log.info("Embedded Zeebe engine started on {} in {} ms (state is in memory)", gateway, (System.nanoTime() - started) / 1_000_000);
    }
}
