package com.civilsafety.ledger.job;

import com.civilsafety.ledger.common.Json;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a worker's ledger work at most once per job key (within the engine epoch: an embedded engine numbers its jobs
 * afresh on every start, so {@code civil-safety.engine.epoch} tells the engine's lifetimes apart). The work and the {@code processed_job} row commit together,
 * so a job that is delivered again (a worker died after its commit but before completing the job, or the engine
 * timed the job out) returns the variables of the first run instead of recording the step twice. The primary key on
 * the job key, not the lookup, is what guarantees it.
 */
@Component
public class JobLedger {
    /** The job type under which a rebuilt instance's variables are recorded. */
    public static final String REBUILD = "rebuild";

    private final ProcessedJobRepository processedJobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String epoch;

    public JobLedger(ProcessedJobRepository processedJobs, PlatformTransactionManager txManager, Clock clock,
                     @Value("${civil-safety.engine.epoch:cluster}") String epoch) {
        this.processedJobs = processedJobs;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.epoch = epoch;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> once(ProcessStep step, String jobType, Supplier<Map<String, Object>> work) {
        Optional<Map<String, Object>> earlier = earlierResult(step.jobKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            String result = tx.execute(status -> {
                String json = Json.write(work.get());
                processedJobs.saveAndFlush(new ProcessedJob(key(step.jobKey()), jobType, clock.instant(), json, step));
                return json;
            });
            return Json.read(result, Map.class);
        } catch (DataIntegrityViolationException e) {
            // a concurrent delivery of the same job committed first: answer as it did
            return earlierResult(step.jobKey()).orElseThrow(() -> e);
        }
    }

    /**
     * Records that an instance was rebuilt from the ledger, starting at an element with these variables: the first
     * row of the new instance, under a key no engine gives a job (the negated instance key), so that a later rebuild
     * finds where it started and with what. Not a step: the monitor and the path leave it out.
     */
    public void recordRebuild(long processInstanceKey, int processVersion, String bpmnProcessId, String startedAt,
                              Map<String, Object> variables) {
        ProcessStep step = new ProcessStep(-processInstanceKey, processInstanceKey, startedAt, bpmnProcessId, processVersion);
        tx.executeWithoutResult(status -> processedJobs.saveAndFlush(new ProcessedJob(key(step.jobKey()), REBUILD,
                clock.instant(), Json.write(variables), step)));
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> earlierResult(long jobKey) {
        return tx.execute(status -> processedJobs.findById(key(jobKey)).map(job -> Json.read(job.getResult(), Map.class)));
    }

    private ProcessedJob.Key key(long jobKey) {
        return new ProcessedJob.Key(epoch, jobKey);
    }
}
