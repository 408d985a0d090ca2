package com.civilsafety.engine.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.InMemoryEngine;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The in-process Zeebe engine with its gRPC gateway listening on the loopback address only. The engine has no
 * authentication at all — whoever reaches its port can deploy models, complete jobs and close hazards without a trace
 * in the ledger — and {@link EngineFactory} binds every interface. So the engine is built by the factory, and then
 * assembled again around a gateway server bound to 127.0.0.1 before anything is started: the factory's own server is
 * never started, so it never listens. The parts are read by reflection (the factory offers no address); a change of
 * the engine's fields makes this fail at start-up, loudly, rather than listen on every interface.
 */
final class LoopbackEngine {
    private LoopbackEngine() {
    }

    /** An engine, not yet started, whose gateway will listen on 127.0.0.1:port ({@code 0}: a free port). */
    static ZeebeTestEngine create(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int bound = port == 0 ? freePort(loopback) : port;
        ZeebeTestEngine factoryMade = EngineFactory.create(bound);
        try {
            Object gateway = field("gateway").get(factoryMade);
            Server server = NettyServerBuilder.forAddress(new InetSocketAddress(loopback, bound))
                    .addService((BindableService) gateway).build();
            Constructor<?> constructor = InMemoryEngine.class.getConstructors()[0];
            Object[] parts = new Object[constructor.getParameterCount()];
            String[] names = {"grpcServer", "streamProcessor", "gateway", "database", "logStream", "scheduler",
                    "recordStream", "clock", "engineStateMonitor"};
            if (parts.length != names.length) {
                throw new IllegalStateException("unexpected InMemoryEngine constructor: " + constructor);
            }
            for (int i = 0; i < names.length; i++) {
                parts[i] = i == 0 ? server : field(names[i]).get(factoryMade);
            }
            return (ZeebeTestEngine) constructor.newInstance(parts);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("the embedded engine could not be bound to the loopback address "
                    + "(zeebe-process-test changed?): " + e, e);
        }
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field field = InMemoryEngine.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static int freePort(InetAddress address) {
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
