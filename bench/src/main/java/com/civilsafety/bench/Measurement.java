package com.civilsafety.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs N clients in a closed loop (each starts its next case when the last one finished) for a warm-up and then a
 * measured window, and reports the cases completed in the window per second with their latency percentiles.
 */
final class Measurement {
    /** One end-to-end case; returns normally when it is complete. */
    interface Case {
        void run(int client, int iteration) throws Exception;
    }

    record Result(String name, int inFlight, int completed, double seconds, double perSecond, double p50Ms,
                  double p95Ms, double p99Ms, int errors) {
    }

    static Result run(String name, int inFlight, int warmupSeconds, int measureSeconds, Case theCase)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(measureSeconds);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(inFlight);
        ExecutorService clients = Executors.newFixedThreadPool(inFlight);
        for (int c = 0; c < inFlight; c++) {
            int client = c;
            clients.execute(() -> {
                try {
                    for (int i = 0; System.nanoTime() < measureUntil; i++) {
                        long began = System.nanoTime();
                        try {
                            theCase.run(client, i);
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println(name + " client " + client + ": " + e);
                            }
                            continue;
                        }
                        long ended = System.nanoTime();
                        if (ended >= measureFrom && ended < measureUntil) {
                            latencies.add(ended - began);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        // a case may still be in flight when the window closes: give it a minute, then stop waiting
        done.await(measureSeconds + warmupSeconds + 60L, TimeUnit.SECONDS);
        clients.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(name, inFlight, sorted.size(), measureSeconds, sorted.size() / (double) measureSeconds,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), errors.get());
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000.0;
    }

    private Measurement() {
    }
}
