package com.civilsafety.bench;

import com.civilsafety.ledger.hazard.HazardClosed;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.TasksOpened;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Hears, after commit, when a hazard's task is opened or the hazard is closed, so the bench waits without polling. */
@Component
class SliceProbe {
    private record Key(long hazardId, String what) {
    }

    private final ConcurrentMap<Key, CompletableFuture<Long>> signals = new ConcurrentHashMap<>();

    @TransactionalEventListener
    void on(TasksOpened event) {
        event.tasks().forEach(t -> signal(new Key(t.getSubjectId(), t.getKind().name())).complete(t.getId()));
    }

    @TransactionalEventListener
    void on(HazardClosed event) {
        signal(new Key(event.hazardId(), "CLOSED")).complete(event.hazardId());
    }

    long awaitTask(long hazardId, TaskKind kind, Duration timeout) throws Exception {
        return await(new Key(hazardId, kind.name()), timeout);
    }

    void awaitClosed(long hazardId, Duration timeout) throws Exception {
        await(new Key(hazardId, "CLOSED"), timeout);
    }

    private long await(Key key, Duration timeout) throws Exception {
        try {
            return signal(key).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            signals.remove(key);
        }
    }

    private CompletableFuture<Long> signal(Key key) {
        return signals.computeIfAbsent(key, k -> new CompletableFuture<>());
    }
}
