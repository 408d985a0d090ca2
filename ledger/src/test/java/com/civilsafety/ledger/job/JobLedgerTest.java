package com.civilsafety.ledger.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.eventlog.LedgerEventRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
class JobLedgerTest {
    @Autowired
    JobLedger jobLedger;
    @Autowired
    EventLog eventLog;
    @Autowired
    LedgerEventRepository events;
    @Autowired
    ProcessedJobRepository processedJobs;
    @Autowired
    PlatformTransactionManager txManager;

    @Test
    void aJobDeliveredAgainIsNotRecordedAgainAndAnswersAsBefore() {
        ProcessStep step = new ProcessStep(501, 1, "Task_X");
        AtomicInteger runs = new AtomicInteger();
        long before = events.count();

        Map<String, Object> first = jobLedger.once(step, "test.job", () -> record(step, runs));
        Map<String, Object> again = jobLedger.once(step, "test.job", () -> record(step, runs));

        assertThat(first).containsEntry("run", 1);
        assertThat(again).isEqualTo(first);
        assertThat(runs).hasValue(1);
        assertThat(events.count()).isEqualTo(before + 1);
    }

    @Test
    void theSameJobKeyFromARestartedEngineIsANewJob() {
        ProcessStep step = new ProcessStep(503, 1, "Task_X");
        AtomicInteger runs = new AtomicInteger();
        JobLedger afterRestart = new JobLedger(processedJobs, txManager, Clock.systemUTC(), "epoch-after-restart");

        Map<String, Object> before = jobLedger.once(step, "test.job", () -> record(step, runs));
        Map<String, Object> after = afterRestart.once(step, "test.job", () -> record(step, runs));

        assertThat(before).containsEntry("run", 1);
        assertThat(after).containsEntry("run", 2);
        assertThat(afterRestart.once(step, "test.job", () -> record(step, runs))).isEqualTo(after);
    }

    @Test
    void concurrentDeliveriesOfOneJobRecordOnce() throws Exception {
        ProcessStep step = new ProcessStep(502, 1, "Task_X");
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch bothInside = new CountDownLatch(2);
        long before = events.count();

        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Map<String, Object>>> deliveries = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> jobLedger.once(step, "test.job", () -> {
                    bothInside.countDown();
                    await(bothInside);
                    return record(step, runs);
                }), workers)).toList();
        List<Map<String, Object>> results = deliveries.stream().map(CompletableFuture::join).toList();
        workers.shutdown();

        assertThat(runs).hasValue(2); // both ran the work ...
        assertThat(results.get(0)).isEqualTo(results.get(1)); // ... but both answer with the one that committed
        assertThat(events.count()).isEqualTo(before + 1); // and only its record stayed
    }

    private Map<String, Object> record(ProcessStep step, AtomicInteger runs) {
        int run = runs.incrementAndGet();
        eventLog.append(EventType.HAZARD_GRADED, "TEST", step.jobKey(), Actor.SYSTEM, step, Map.of("run", run));
        return Map.of("run", run);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
