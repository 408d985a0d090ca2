package com.civilsafety.engine.step;

import com.civilsafety.ledger.common.DatabaseFaults;
import com.civilsafety.ledger.inbox.TaskNotYetCompletedException;
import com.civilsafety.ledger.job.JobLedger;
import com.civilsafety.ledger.job.ProcessStep;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * What every worker does around its domain call: record the step at most once per job key, and turn failures into
 * the engine's terms. Transient faults (database unreachable, lock contention, a submission not yet committed) fail
 * the job with one retry less and an exponential back-off, so a passing fault heals itself and a lasting one ends in
 * an incident an operator can resolve. Anything else is a defect or bad data: it fails at once, as an incident.
 */
@Component
public class StepRecorder {
    /** Every job a worker ran, by type and outcome (completed, retry, incident): civil_safety_jobs_seconds_*. */
    private static final String JOBS = "civil_safety.jobs";
    private static final Logger log = LoggerFactory.getLogger(StepRecorder.class);

    private final JobLedger jobLedger;
    private final UnrecordedIncidents incidents;
    private final MeterRegistry metrics;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    public StepRecorder(JobLedger jobLedger, UnrecordedIncidents incidents, ObjectProvider<MeterRegistry> metrics,
                        @Value("${civil-safety.workers.retry-backoff.first:PT2S}") Duration firstBackoff,
                        @Value("${civil-safety.workers.retry-backoff.max:PT5M}") Duration maxBackoff) {
        this.jobLedger = jobLedger;
        this.incidents = incidents;
        this.metrics = metrics.getIfAvailable(SimpleMeterRegistry::new);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    public Map<String, Object> record(ActivatedJob job, Function<ProcessStep, Map<String, Object>> work) {
        ProcessStep step = new ProcessStep(job.getKey(), job.getProcessInstanceKey(), job.getElementId(), job.getBpmnProcessId(),
                job.getProcessDefinitionVersion());
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "incident";
        try {
            Map<String, Object> result = jobLedger.once(step, job.getType(), () -> work.apply(step));
            outcome = "completed";
            return result;
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                int retries = Math.max(job.getRetries() - 1, 0);
                Duration backoff = backoff(job.getRetries());
                log.warn("{} job {} of instance {} failed, {} retries left, next in {}: {}", job.getType(), job.getKey(),
                        job.getProcessInstanceKey(), retries, backoff, e.toString());
                if (retries == 0) {
                    report(step, job.getType(), e);
                } else {
                    outcome = "retry";
                }
                throw new JobError(describe(e), null, retries, backoff, e);
            }
            log.error("{} job {} of instance {} failed for good", job.getType(), job.getKey(), job.getProcessInstanceKey(), e);
            report(step, job.getType(), e);
            throw new JobError(describe(e), null, 0, Duration.ZERO, e);
        } finally {
            sample.stop(metrics.timer(JOBS, "type", job.getType(), "outcome", outcome));
        }
    }

    /** The job becomes an incident in the engine: list it in the ledger too (later, if the ledger is unreachable). */
    private void report(ProcessStep step, String jobType, RuntimeException e) {
        incidents.record(step, jobType, describe(e));
    }

    /** 2 s, 4 s, 8 s … up to 5 min (the defaults), counted from the retries the model grants. */
    Duration backoff(int retriesLeft) {
        int attempt = Math.max(0, 5 - retriesLeft);
        Duration next = firstBackoff.multipliedBy(1L << Math.min(attempt, 16));
        return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
    }

    /** The database out of reach, lock contention, a submission not yet committed: worth another try later. */
    static boolean isTransient(Throwable e) {
        if (DatabaseFaults.unreachable(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof ConcurrencyFailureException || t instanceof TaskNotYetCompletedException
                    || t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
