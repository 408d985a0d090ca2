package com.civilsafety.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbEngineFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The slice's model on a bare engine: workers that complete at once with the variables the real ones return, and the
 * "person" publishing the completion message as soon as a task is opened. No database, no API: the denominator.
 */
final class BareEngine implements AutoCloseable {
    private static final String PROCESS = "HazardRectification";

    /** As many as the app's workers get (camunda.client.execution-threads), so only the ledger work differs. */
    private static final int WORKER_THREADS = 4;

    private final java.nio.file.Path state = temporaryDirectory();
    /** The platform's embedded engine (RocksDB state, ADR 0006), so that only the ledger work differs. */
    private final ZeebeTestEngine engine = RocksDbEngineFactory.create(new java.net.InetSocketAddress(
            java.net.InetAddress.getLoopbackAddress(), freePort()), state.toFile(), 64L << 20);
    private final CamundaClient client;
    private final List<JobWorker> workers = new ArrayList<>();
    private final AtomicLong taskIds = new AtomicLong();
    private final java.util.concurrent.ConcurrentMap<Long, java.util.concurrent.CompletableFuture<Void>> closedSignals =
            new java.util.concurrent.ConcurrentHashMap<>();

    BareEngine() {
        engine.start();
        client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress().replace("0.0.0.0", "127.0.0.1")))
                .restAddress(URI.create("http://127.0.0.1:9")).preferRestOverGrpc(false)
                .defaultJobWorkerStreamEnabled(true)
                .numJobWorkerExecutionThreads(WORKER_THREADS).build();
        client.newDeployResourceCommand().addResourceFromClasspath("processes/hazard-rectification.bpmn")
                .addResourceFromClasspath("processes/hazard-grading.dmn").send().join();
        Map<String, Object> timers = Map.of("reminderAt", "2099-01-01T09:00+08:00", "deadlineAt", "2099-01-02T23:59:59+08:00",
                "secondEscalationAt", "2099-01-09T23:59:59+08:00");
        noOp("hazard.record-grading", timers, false);
        noOp("hazard.open-task", null, true);
        Map<String, Object> recorded = new java.util.HashMap<>(timers);
        recorded.put("verificationPassed", true);
        noOp("hazard.record-task", recorded, false);
        workers.add(client.newWorker().jobType("hazard.close").handler((jobs, job) -> {
            jobs.newCompleteCommand(job).variables(Map.of("recheckAt", "2099-01-01T09:00+08:00")).send().join();
            closed(((Number) job.getVariablesAsMap().get("hazardId")).longValue()).complete(null);
        }).maxJobsActive(64).streamEnabled(true).pollInterval(Duration.ofSeconds(30)).open());
    }

    /** One hazard from report to closed (the 回头看 that follows is weeks later); returns when it is closed. */
    void runOne(long hazardId) throws Exception {
        client.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion()
                .variables(Map.of("hazardId", hazardId, "criterionMajor", false, "residentsExposed", true,
                        "institutionType", "ELDERLY_CARE", "category", "FIRE", "fixedOnSite", false))
                .send().join();
        try {
            closed(hazardId).get(1, java.util.concurrent.TimeUnit.MINUTES);
        } finally {
            closedSignals.remove(hazardId);
        }
    }

    private java.util.concurrent.CompletableFuture<Void> closed(long hazardId) {
        return closedSignals.computeIfAbsent(hazardId, id -> new java.util.concurrent.CompletableFuture<>());
    }

    private void noOp(String type, Map<String, Object> variables, boolean opensTask) {
        workers.add(client.newWorker().jobType(type).handler((jobs, job) -> {
            // blocking like the app's workers, which complete the job after their ledger transaction
            if (opensTask) {
                long taskId = taskIds.incrementAndGet();
                jobs.newCompleteCommand(job).variables(Map.of("taskId", taskId)).send().join();
                client.newPublishMessageCommand().messageName("inbox-task-completed").correlationKey(Long.toString(taskId))
                        .messageId("inbox-task-" + taskId).timeToLive(Duration.ofHours(1)).send().join();
            } else {
                jobs.newCompleteCommand(job).variables(variables).send().join();
            }
        }).maxJobsActive(64).streamEnabled(true).pollInterval(Duration.ofSeconds(30)).open());
    }

    @Override
    public void close() {
        workers.forEach(JobWorker::close);
        client.close();
        engine.stop();
        org.springframework.util.FileSystemUtils.deleteRecursively(state.toFile());
    }

    private static java.nio.file.Path temporaryDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("bare-engine-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
