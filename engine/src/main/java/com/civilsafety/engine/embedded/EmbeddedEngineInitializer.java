package com.civilsafety.engine.embedded;

import com.civilsafety.ledger.common.PlatformClock;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.unit.DataSize;

/**
 * With {@code civil-safety.engine.mode=embedded} (the default) starts an in-process Zeebe engine before any bean
 * exists, and points the Camunda client at its gRPC gateway. It is a real engine but keeps its state in a temporary
 * directory and its records in memory, forgets both when it stops, and has no REST API, so the client is told to use gRPC only; its REST address is a closed port so that a REST-only call
 * fails at once instead of hanging. Its gateway has no authentication, so it listens on the loopback address only
 * ({@link LoopbackEngine}); any other address is refused. When the platform's clock is started elsewhere
 * ({@code civil-safety.clock.start}, {@link PlatformClock}) the engine's clock is moved by the same offset before
 * anything is deployed, so that its timers fire on the ledger's dates. With {@code remote}, nothing is started and
 * {@code camunda.client.*} as configured points at a Camunda 8 cluster, which keeps its own time. Registered in
 * META-INF/spring.factories, so tests get it too.
 */
public class EmbeddedEngineInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String MODE = "civil-safety.engine.mode";
    public static final String PORT = "civil-safety.engine.embedded.port";
    public static final String ADDRESS = "civil-safety.engine.embedded.address";
    /** What the engine's database may use outside the heap for its caches and write buffers. */
    public static final String MEMORY_LIMIT = "civil-safety.engine.embedded.memory-limit";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("camunda.client.enabled", Boolean.class, true)) {
            return; // no client, so no engine to start or to keep time with (the workers' own tests call them directly)
        }
        String mode = env.getProperty(MODE, "embedded");
        switch (mode) {
            case "remote" -> {
                if (!PlatformClock.offset(env).isZero()) {
                    throw new IllegalStateException(PlatformClock.START + " 只能用于嵌入式引擎：Camunda 8 集群按自己的时钟计时，"
                            + "平台与引擎的日期会不一致");
                }
                log.info("Engine mode remote: using the Camunda 8 cluster at {}", env.getProperty("camunda.client.grpc-address"));
            }
            case "embedded" -> start(context, env);
            default -> throw new IllegalStateException(MODE + " must be 'embedded' or 'remote', not '" + mode + "'");
        }
    }

    private static void start(ConfigurableApplicationContext context, ConfigurableEnvironment env) {
        if (env.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException("生产环境（production 配置）须使用 Camunda 8 集群（remote 配置）：嵌入式引擎只把状态放在内存里，"
                    + "且其许可只允许非生产使用");
        }
        int port = env.getProperty(PORT, Integer.class, 26500);
        requireLoopback(env.getProperty(ADDRESS, "127.0.0.1"));
        long started = System.nanoTime();
        long memoryLimit = env.getProperty(MEMORY_LIMIT, DataSize.class, DataSize.ofMegabytes(64)).toBytes();
        LoopbackEngine.Created created = LoopbackEngine.create(port, memoryLimit);
        ZeebeTestEngine engine = created.engine();
        engine.start();
        Duration offset = PlatformClock.offset(env);
        if (!offset.isZero()) {
            engine.increaseTime(offset); // before anything is deployed: every timer is set on the platform's time
            log.warn("The platform's clock runs {} from the system clock ({}): for trying and testing only", offset, PlatformClock.START);
        }
        String gateway = engine.getGatewayAddress().replaceFirst("^[^:]*:", "127.0.0.1:");
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
        beans.registerDisposableBean("embeddedEngine", created::stopAndRemove);
        log.info("Embedded Zeebe engine started on {} in {} ms (state in {}, records in memory)", gateway,
                (System.nanoTime() - started) / 1_000_000, created.stateDirectory());
    }

    /**
     * The engine's gateway cannot check who calls it: it serves this process alone. A deployment whose engine must be
     * reached from elsewhere runs a Camunda 8 cluster (remote mode), which authenticates its clients.
     */
    private static void requireLoopback(String address) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalStateException(ADDRESS + "=" + address + " 被拒绝：嵌入式引擎的 gRPC 端口没有身份验证，只能监听本机回环地址"
                    + "（127.0.0.1）。需要从其他机器访问引擎时，请使用 Camunda 8 集群（civil-safety.engine.mode=remote）");
        }
    }
}
