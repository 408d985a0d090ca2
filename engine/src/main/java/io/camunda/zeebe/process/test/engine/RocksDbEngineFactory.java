package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * zeebe-process-test's engine ({@link EngineFactory}) assembled with two differences, for the platform's embedded
 * mode: its state lives in RocksDB (the database a Zeebe broker uses) in a directory of the caller's, not in the test
 * engine's in-memory database; and its gateway listens on the address given, not on every interface. The in-memory
 * database copies all of its state into a new map for every iteration over a prefix (InMemoryDbTransaction#newIterator),
 * so each command cost more the more instances waited — 122 instance creations a second when empty, 37 at 5,000 —
 * and the batch-operation scheduler, which iterates it from another thread every second, failed with a
 * ConcurrentModificationException under load (issue 24). Everything else is the test engine's, built as its factory
 * builds it (in this package: the parts' constructors are package-private); a change of zeebe-process-test that breaks
 * this fails the build, not a running platform.
 */
public final class RocksDbEngineFactory {
    private static final int PARTITION = 1;
    private static final int PARTITION_COUNT = 1;

    private RocksDbEngineFactory() {
    }

    /**
     * An engine, not started, whose state is kept in {@code directory} (which must be empty and is not removed when
     * the engine stops) and whose gateway will listen on {@code address}; the database may use about
     * {@code memoryLimitBytes} outside the heap for its caches and write buffers.
     */
    public static ZeebeTestEngine create(InetSocketAddress address, File directory, long memoryLimitBytes) {
        ControlledActorClock clock = new ControlledActorClock();
        ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
        scheduler.start();
        InMemoryLogStorage logStorage = new InMemoryLogStorage();
        LogStream logStream = LogStream.builder().withPartitionId(PARTITION).withLogStorage(logStorage).withClock(clock)
                .withMeterRegistry(new SimpleMeterRegistry()).build();
        CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
        CommandSender commandSender = new CommandSender(commandWriter);
        GatewayRequestStore requests = new GatewayRequestStore();
        InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
        GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(commandWriter, PARTITION, PARTITION_COUNT,
                address.getPort(), requests, jobStreamer);
        Server server = NettyServerBuilder.forAddress(address).addService(gateway).build();
        GrpcResponseWriter responses = new GrpcResponseWriter(gateway, requests, null);
        RocksDbConfiguration rocksDb = new RocksDbConfiguration().setMemoryLimit(memoryLimitBytes);
        ZeebeDb<ZbColumnFamilies> database = new ZeebeRocksDbFactory<ZbColumnFamilies>(rocksDb, new ConsistencyChecksSettings(),
                new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION), SimpleMeterRegistry::new)
                .createDb(directory);
        SecurityConfiguration security = new SecurityConfiguration();
        security.getAuthorizations().setEnabled(false);
        StreamProcessor streamProcessor = StreamProcessor.builder()
                .logStream(logStream)
                .zeebeDb(database)
                .commandResponseWriter(responses)
                .partitionCommandSender(commandSender)
                .recordProcessors(List.of(new Engine(context -> EngineProcessors.createEngineProcessors(context, PARTITION_COUNT,
                        new SubscriptionCommandSender(context.getPartitionId(), commandSender), commandSender,
                        FeatureFlags.createDefault(), jobStreamer, SearchClientsProxy.noop(),
                        new BrokerRequestAuthorizationConverter(security)), new EngineConfiguration(), security)))
                .actorSchedulingService(scheduler)
                .clock(new ControllableStreamClockImpl(clock))
                .meterRegistry(new SimpleMeterRegistry())
                .build();
        EngineStateMonitor monitor = new EngineStateMonitor(logStorage, streamProcessor);
        RecordStreamSourceImpl records = new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION);
        return new InMemoryEngine(server, streamProcessor, gateway, database, logStream, scheduler, records, clock, monitor);
    }
}
