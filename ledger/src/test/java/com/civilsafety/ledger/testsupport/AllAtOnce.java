package com.civilsafety.ledger.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests sent all at once, as a script or an attacker sends them: each on its own thread, released together. */
public final class AllAtOnce {
    private AllAtOnce() {
    }

    /** The answers of {@code count} calls of {@code request} (given their number), started at the same moment. */
    public static <T> List<T> send(int count, IntFunction<T> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                int number = i;
                pending.add(pool.submit(() -> {
                    start.await();
                    return request.apply(number);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        }
    }
}
