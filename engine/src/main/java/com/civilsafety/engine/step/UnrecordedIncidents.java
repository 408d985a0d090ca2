package com.civilsafety.engine.step;

import com.civilsafety.ledger.job.JobIncidents;
import com.civilsafety.ledger.job.ProcessStep;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts the incidents of jobs that ran out of retries on the platform's list (流程故障). The commonest cause of such an
 * incident is the database being away, and then the list cannot be written either: the incident is held here and
 * written when the database answers again, so the administrator who brought it back finds every step to retry.
 * Held in memory, bounded: the engine keeps the incident in any case (and a cluster's Operate shows it).
 */
@Component
public class UnrecordedIncidents {
    static final int MAX_HELD = 10_000;
    private static final Logger log = LoggerFactory.getLogger(UnrecordedIncidents.class);

    record Held(ProcessStep step, String jobType, String error, Instant occurredAt) {
    }

    private final JobIncidents incidents;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    UnrecordedIncidents(JobIncidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    void record(ProcessStep step, String jobType, String error) {
        Instant occurredAt = clock.instant();
        try {
            incidents.record(step, jobType, error, occurredAt);
        } catch (RuntimeException unreachable) {
            if (size.incrementAndGet() > MAX_HELD) {
                size.decrementAndGet();
                log.error("incident of job {} not recorded in the ledger and not held ({} held already); the engine has it",
                        step.jobKey(), MAX_HELD);
                return;
            }
            held.add(new Held(step, jobType, error, occurredAt));
            log.warn("incident of job {} held until the ledger can be written ({})", step.jobKey(), unreachable.toString());
        }
    }

    /** How many incidents wait for the ledger. */
    public int held() {
        return size.get();
    }

    @Scheduled(fixedDelayString = "${civil-safety.workers.incident-retry:PT30S}", initialDelayString = "PT5S")
    void writeHeld() {
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            Held incident = it.next();
            try {
                incidents.record(incident.step(), incident.jobType(), incident.error(), incident.occurredAt());
            } catch (RuntimeException stillUnreachable) {
                return; // the next run tries again, from the oldest
            }
            it.remove();
            size.decrementAndGet();
            log.info("incident of job {} recorded in the ledger after the outage", incident.step().jobKey());
        }
    }
}
