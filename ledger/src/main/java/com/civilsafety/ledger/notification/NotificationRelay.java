package com.civilsafety.ledger.notification;

import com.civilsafety.ledger.common.Json;
import jakarta.annotation.PreDestroy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's fan-out: tells the notices a step asked for ({@link Notifications#notifyAll}) right after its commit,
 * on a thread of its own, each request in a transaction of its own that deletes it. A request left by a crash or by a
 * fan-out that failed (the database away for a moment) is told on the next sweep, so nothing a step committed is lost
 * and no step waits for, or fails because of, the fan-out. Where several instances share the database, whichever
 * takes a request first tells it; and a cause is told to a person once, however often it is asked for.
 */
@Component
public class NotificationRelay {
    private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);
    private static final int BATCH = 50;
    /** a request that failed this often is left for an administrator (a defect or bad data, not a passing fault) */
    static final int MAX_ATTEMPTS = 10;

    private final NotificationOutbox outbox;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notification-relay");
        t.setDaemon(true);
        return t;
    });
    /** a run is queued that has not started yet: one more would find nothing new */
    private final AtomicBoolean queued = new AtomicBoolean();

    NotificationRelay(NotificationOutbox outbox, Notifications notifications, PlatformTransactionManager txManager) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.tx = new TransactionTemplate(txManager);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(NoticesRequested committed) {
        wake();
    }

    /** What a crash or a failed run left: told on the dispatcher's rhythm. */
    @Scheduled(fixedDelayString = "${civil-safety.notification.dispatch:PT5S}", initialDelayString = "PT1S")
    void sweep() {
        wake();
    }

    private void wake() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                tellRequested();
            });
        }
    }

    /**
     * Tells every request waiting, oldest first, each in its own transaction; one that fails stays for the next run
     * and does not hold up those after it. Answers how many people were told. Called directly, it returns when what
     * was committed before the call is told (a run under way is waited for): what a test or a benchmark settles on.
     */
    public synchronized int tellRequested() {
        int told = 0;
        Set<Long> failed = new HashSet<>();
        try {
            List<Long> ids;
            do {
                ids = outbox.requested(BATCH + failed.size(), MAX_ATTEMPTS).stream().filter(id -> !failed.contains(id)).toList();
                for (long id : ids) {
                    try {
                        Integer n = tx.execute(s -> outbox.take(id)
                                .map(r -> notifications.tell(List.of(Json.read(r.notices(), Notifications.Notice[].class)), r.at()))
                                .orElse(0));
                        told += n == null ? 0 : n;
                    } catch (RuntimeException e) {
                        failed.add(id);
                        giveUpOrRetry(id, e);
                    }
                }
            } while (!ids.isEmpty());
        } catch (RuntimeException e) {
            log.warn("notices not told for now, the next run tries again: {}", e.toString());
        }
        return told;
    }

    private void giveUpOrRetry(long id, RuntimeException e) {
        int attempts = outbox.failed(id, e.toString());
        if (attempts >= MAX_ATTEMPTS) {
            log.error("notices of request {} not told after {} attempts, left in notification_request: {}", id, attempts, e.toString());
        } else {
            log.warn("notices of request {} not told yet (attempt {}), the next run tries again: {}", id, attempts, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
