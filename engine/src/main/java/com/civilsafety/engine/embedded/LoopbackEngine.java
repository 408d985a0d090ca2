package com.civilsafety.engine.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbEngineFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * The in-process Zeebe engine: its gRPC gateway listens on the loopback address only, and its state lives in RocksDB
 * in a directory of its own under the system's temporary directory ({@link RocksDbEngineFactory}, which says why not
 * in the test engine's in-memory database). The engine has no authentication at all — whoever reaches its port can
 * deploy models, complete jobs and close hazards without a trace in the ledger — so it never listens elsewhere. The
 * state directory goes when the engine stops (the engine's state is rebuilt from the ledger at every start); one left
 * by a platform that ended without stopping it goes when the next one starts.
 */
final class LoopbackEngine {
    private static final String PREFIX = "civil-safety-engine-";

    private LoopbackEngine() {
    }

    /** An engine, not yet started, and where it keeps its state. */
    record Created(ZeebeTestEngine engine, Path stateDirectory) {
        void stopAndRemove() {
            try {
                engine.stop();
            } finally {
                try {
                    FileSystemUtils.deleteRecursively(stateDirectory);
                } catch (IOException e) {
                    throw new UncheckedIOException("the embedded engine's state directory " + stateDirectory + " was not removed", e);
                }
            }
        }
    }

    /**
     * An engine whose gateway will listen on 127.0.0.1:port ({@code 0}: a free port), its database using about
     * {@code memoryLimitBytes} outside the heap.
     */
    static Created create(int port, long memoryLimitBytes) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int bound = port == 0 ? freePort(loopback) : port;
        Path state;
        try {
            removeLeftovers();
            state = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("no directory for the embedded engine's state", e);
        }
        try {
            return new Created(RocksDbEngineFactory.create(new InetSocketAddress(loopback, bound), state.toFile(), memoryLimitBytes), state);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(state.toFile());
            throw e;
        }
    }

    /**
     * The state directories of platforms that ended without stopping their engine (killed, out of memory): named
     * after their process, which no longer runs. Another platform's on this machine, still running, is left alone.
     */
    private static void removeLeftovers() throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        try (var entries = Files.newDirectoryStream(temporary, PREFIX + "*")) {
            for (Path entry : entries) {
                String[] parts = entry.getFileName().toString().substring(PREFIX.length()).split("-", 2);
                if (parts.length == 2 && parts[0].matches("\\d{1,10}")
                        && ProcessHandle.of(Long.parseLong(parts[0])).isEmpty() && Files.isDirectory(entry)) {
                    FileSystemUtils.deleteRecursively(entry);
                }
            }
        }
    }

    private static int freePort(InetAddress address) {
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
