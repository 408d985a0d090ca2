package com.civilsafety.bench;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.RocksDbEngineFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded engine's own state as instances accumulate (issue 24, docs/adr/0006): instances of a loop that waits
 * at a receive task with a 30-day timer are created, 50 in flight, into the test engine's in-memory database and into
 * RocksDB (the platform's embedded engine); the rate per thousand shows whether each command costs more the more
 * instances wait. No platform, no database: the engines alone.
 * <p>
 * Run: {@code mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=com.civilsafety.bench.EngineStateBenchmark}
 * (options: -Dbench.instances=10000).
 */
public final class EngineStateBenchmark {
    private static final String COMMAND = "mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=com.civilsafety.bench.EngineStateBenchmark";
    private static final int IN_FLIGHT = 50;

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("bench.instances", 10_000);
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("engine-state-bench-");
        List<Double> inMemory = rates(EngineFactory.create(), instances);
        List<Double> rocksDb = rates(RocksDbEngineFactory.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort()),
                state.toFile(), 64L << 20), instances);
        FileSystemUtils.deleteRecursively(state);
        StringBuilder s = new StringBuilder("## Embedded engine: its state as instances accumulate\n\n").append(BenchmarkReport.context(COMMAND));
        s.append("\nWhat: ").append(instances).append(" instances of a loop waiting at a receive task with a 30-day boundary "
                + "timer, created ").append(IN_FLIGHT).append(" in flight into a bare engine (no platform); instances created per "
                + "second in each thousand. The test engine's in-memory database copies all its state into a new map for every "
                + "iteration over a key prefix; RocksDB seeks (docs/adr/0006). A run of the in-memory engine also logs "
                + "`ConcurrentModificationException` from its batch-operation scheduler, which iterates the same maps from "
                + "another thread.\n\n| instances so far | in-memory /s | RocksDB /s |\n|---:|---:|---:|\n");
        for (int i = 0; i < inMemory.size(); i++) {
            s.append(String.format(Locale.ROOT, "| %,d | %.0f | %.0f |%n", (i + 1) * 1000, inMemory.get(i), rocksDb.get(i)));
        }
        BenchmarkReport.writeSection(root.resolve("docs/benchmarks.md"), "engine-state", s.toString());
        System.exit(0); // the engines' threads
    }

    private static List<Double> rates(ZeebeTestEngine engine, int instances) throws Exception {
        engine.start();
        List<Double> rates = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress().replace("0.0.0.0", "127.0.0.1")))
                .restAddress(URI.create("http://127.0.0.1:9")).preferRestOverGrpc(false).build()) {
            BpmnModelInstance model = Bpmn.createExecutableProcess("Bench_Waiting").startEvent("StartEvent_Reported")
                    .receiveTask("Task_AwaitRectification").message(m -> m.name("rectified").zeebeCorrelationKeyExpression("=string(hazardId)"))
                    .boundaryEvent("Event_Deadline").cancelActivity(false).timerWithDuration("P30D").endEvent("EndEvent_Late")
                    .moveToActivity("Task_AwaitRectification").endEvent("EndEvent_Done").done();
            client.newDeployResourceCommand().addProcessModel(model, "waiting.bpmn").send().join();
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            long mark = System.nanoTime();
            for (int i = 1; i <= instances; i++) {
                inFlight.acquire();
                client.newCreateInstanceCommand().bpmnProcessId("Bench_Waiting").latestVersion().variables(Map.of("hazardId", i)).send()
                        .whenComplete((r, e) -> {
                            if (e != null) {
                                failed.incrementAndGet();
                            }
                            inFlight.release();
                        });
                if (i % 1000 == 0) {
                    long now = System.nanoTime();
                    rates.add(1000 / ((now - mark) / 1e9));
                    mark = now;
                }
            }
            inFlight.acquire(IN_FLIGHT);
        } finally {
            engine.stop();
        }
        System.out.println(rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).collect(Collectors.joining(" ")) + " /s; failed " + failed);
        return rates;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private EngineStateBenchmark() {
    }
}
