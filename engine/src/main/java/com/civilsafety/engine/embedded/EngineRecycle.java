package com.civilsafety.engine.embedded;

import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.PlatformClock;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * 嵌入式引擎定时重建: the in-process engine keeps every record it ever wrote in memory and never compacts, so a platform
 * left running grows without end (docs/adr/0006). Once a day in the quiet hours
 * ({@code civil-safety.engine.embedded.recycle.cron}, China's time; {@code -} turns it off) the platform starts itself
 * again in the same process: the context closes (workers stop, then the engine), and the application runs again with
 * the arguments it was started with — a fresh engine, a new engine epoch, the models deployed, every open hazard,
 * report and campaign rebuilt from the ledger ({@link EmbeddedEngineRebuild}) — the same path as any restart, which
 * ProcessRebuildTest checks. The platform's clock carries on where it was. Signed-in sessions do not survive it.
 */
@Component
@ConditionalOnBean(ZeebeTestEngine.class)
public class EngineRecycle {
    public static final String CRON = "civil-safety.engine.embedded.recycle.cron";
    private static final Logger log = LoggerFactory.getLogger(EngineRecycle.class);
    /** A close or a start that hangs (a database lock, the engine's gateway) does not leave the platform down all night. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final Optional<CronExpression> schedule;
    private final boolean exitOnFailure;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile SpringApplication application;
    private volatile String[] arguments;

    EngineRecycle(ConfigurableApplicationContext context, Environment environment, Clock clock,
                  @Value("${" + CRON + ":0 30 3 * * *}") String cron) {
        this.context = context;
        this.clock = clock;
        this.exitOnFailure = environment.getProperty("civil-safety.engine.embedded.recycle.exit-on-failure", Boolean.class, true);
        this.schedule = Scheduled.CRON_DISABLED.equals(cron.strip()) ? Optional.empty() : Optional.of(CronExpression.parse(cron));
    }

    /** The application as it was started: what runs again. */
    @EventListener
    void remember(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() == context) {
            application = ready.getSpringApplication();
            arguments = ready.getArgs();
        }
    }

    @Scheduled(cron = "${" + CRON + ":0 30 3 * * *}", zone = "Asia/Shanghai")
    void inTheQuietHours() {
        recycle();
    }

    /** When the next recycle starts, on the platform's clock; empty when none is scheduled. */
    public Optional<Instant> next() {
        return schedule.map(cron -> cron.next(ZonedDateTime.now(LedgerTime.ZONE)))
                .map(at -> at.toInstant().plus(clockOffset()));
    }

    /** How far the platform's clock runs from the system's (a test or benchmark may have moved it since the start). */
    private Duration clockOffset() {
        Duration offset = Duration.between(Instant.now(), clock.instant());
        return offset.abs().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ZERO : offset;
    }

    /**
     * Closes this application and runs it again, on a thread of its own (a thread of the closing context would wait
     * on itself). The future ends with the new context. A platform that cannot start again, or has not after ten
     * minutes, exits, so that its service manager starts it, rather than stay up with nothing answering.
     */
    public CompletableFuture<ConfigurableApplicationContext> recycle() {
        CompletableFuture<ConfigurableApplicationContext> next = new CompletableFuture<>();
        if (application == null || !started.compareAndSet(false, true)) {
            next.completeExceptionally(new IllegalStateException(application == null
                    ? "the platform has not finished starting" : "a recycle has already begun"));
            return next;
        }
        next.orTimeout(GIVE_UP_AFTER.toMinutes(), TimeUnit.MINUTES).whenComplete((fresh, failure) -> {
            if (failure instanceof TimeoutException) {
                log.error("The engine recycle has not ended after {}: exiting so that the platform is restarted", GIVE_UP_AFTER);
                if (exitOnFailure) {
                    Runtime.getRuntime().halt(1); // System.exit would wait on the shutdown hooks of what hangs
                }
            }
        });
        Thread thread = new Thread(() -> {
            long begun = System.nanoTime();
            String[] again = argumentsAgain(arguments, clockOffset());
            log.warn("Recycling the embedded engine: the platform restarts in this process and rebuilds its instances from the ledger");
            try {
                context.getBeansOfType(MeterRegistry.class).values().forEach(MeterRegistry::clear);
                context.close();
                forgetClosedContext();
                ConfigurableApplicationContext fresh = application.run(again);
                log.warn("Embedded engine recycled: the platform answered again after {} ms", (System.nanoTime() - begun) / 1_000_000);
                next.complete(fresh);
            } catch (Throwable e) {
                log.error("The platform did not start again after the engine recycle: exiting so that it is restarted", e);
                next.completeExceptionally(e);
                if (exitOnFailure) {
                    System.exit(1);
                }
            }
        }, "engine-recycle");
        thread.setDaemon(false);
        thread.start();
        return next;
    }

    /**
     * Spring Boot keeps what it read of a context in static maps whose values are softly held: the endpoint
     * conditions per Environment (which reaches the context through the servlet context's property source), the pool
     * metadata per DataSource (which reaches the context's meter registry, its gauges and the beans they read). A
     * closed context, and with it its engine's records, would stay in memory until the heap runs short — found with
     * heap dumps during the soak (issue 24, docs/benchmarks.md). So the closing context's meters are removed first,
     * and the maps are cleared between the close and the new start. If Spring Boot changes these classes, nothing is
     * cleared and the memory is only freed when the heap runs short.
     */
    private static final List<String> CACHES_OF_CONTEXTS = List.of(
            "org.springframework.boot.actuate.autoconfigure.endpoint.condition.OnAvailableEndpointCondition",
            "org.springframework.boot.actuate.metrics.jdbc.DataSourcePoolMetrics$CachingDataSourcePoolMetadataProvider");

    private static void forgetClosedContext() {
        for (String name : CACHES_OF_CONTEXTS) {
            try {
                for (Field field : Class.forName(name).getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && Map.class.isAssignableFrom(field.getType())) {
                        field.setAccessible(true);
                        ((Map<?, ?>) field.get(null)).clear();
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                log.warn("{}'s cache of the closed context was not cleared; its memory is freed only when the heap runs short: {}",
                        name, e.toString());
            }
        }
    }

    /**
     * The start's arguments, with the platform's clock carried on: a clock that runs apart from the system's
     * ({@link PlatformClock}, or moved since by a test) keeps its offset exactly. The offset is passed as it is, not as a
     * new start, which would be turned into an offset again only after the close and the start had taken their time;
     * an empty start overrides one set in a file or the environment.
     */
    static String[] argumentsAgain(String[] arguments, Duration clockOffset) {
        List<String> again = new ArrayList<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--" + PlatformClock.START + "=") && !argument.startsWith("--" + PlatformClock.OFFSET + "=")) {
                again.add(argument);
            }
        }
        if (!clockOffset.isZero()) {
            again.add("--" + PlatformClock.START + "=");
            again.add("--" + PlatformClock.OFFSET + "=" + clockOffset);
        }
        return again.toArray(String[]::new);
    }
}
