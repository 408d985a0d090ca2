package com.civilsafety.ledger.job;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incidents as the workers report them: a job that failed for the last time is recorded here, in a transaction of
 * its own (the work's own transaction has rolled back), once per job and failure (a retry that fails again reopens it). The engine holds the incident itself; this is
 * the platform's list of them, with who retried which and when.
 */
@Service
public class JobIncidents {

    private final JobIncidentRepository incidents;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String epoch;

    private final ApplicationEventPublisher events;

    public JobIncidents(JobIncidentRepository incidents, PlatformTransactionManager txManager, Clock clock,
                        @Value("${civil-safety.engine.epoch:cluster}") String epoch, ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(txManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.epoch = epoch;
    }

    /**
     * Records that a job ran out of retries. A second report while the incident is open (a redelivery) changes nothing;
     * after a retry, the job failing for good again reopens it.
     */
    public void record(ProcessStep step, String jobType, String error) {
        record(step, jobType, error, clock.instant());
    }

    /** As above, for an incident that occurred earlier (held while the ledger could not be written). */
    public void record(ProcessStep step, String jobType, String error, Instant occurredAt) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                JobIncident incident = incidents.findByEngineEpochAndJobKey(epoch, step.jobKey()).orElse(null);
                if (incident == null) {
                    incident = incidents.saveAndFlush(new JobIncident(epoch, step, jobType, error, occurredAt));
                } else if (incident.getStatus() == JobIncident.Status.RESOLVED) {
                    incident.reopen(error, occurredAt);
                } else {
                    return;
                }
                events.publishEvent(new IncidentRecorded(incident.getId(), jobType, incident.getOccurrences(), false));
            });
        } catch (DataIntegrityViolationException alreadyRecorded) {
            // the same job reported twice at once: one incident per job
        }
    }

    /**
     * Records an incident the engine raised itself (no job: a condition no flow matches, a decision it cannot call),
     * once per incident key; the engine raises a new one if the step fails again after a retry.
     */
    public void recordRaised(long incidentKey, String errorType, String bpmnProcessId, String elementId, long processInstanceKey,
                             String error, Instant occurredAt) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (incidents.findByEngineEpochAndJobKey(epoch, incidentKey).isEmpty()) {
                    JobIncident incident = incidents.saveAndFlush(JobIncident.raised(epoch, incidentKey, errorType, bpmnProcessId,
                            elementId, processInstanceKey, error, occurredAt));
                    events.publishEvent(new IncidentRecorded(incident.getId(), errorType, incident.getOccurrences(), true));
                }
            });
        } catch (DataIntegrityViolationException alreadyRecorded) {
            // recorded by another pass at the same moment
        }
    }

    /** An incident the engine raised was resolved there (retried in Operate, or its instance cancelled): off the list. */
    @Transactional
    public void resolvedRaised(long incidentKey) {
        incidents.findByEngineEpochAndJobKey(epoch, incidentKey)
                .filter(i -> i.isEngineRaised() && i.getStatus() == JobIncident.Status.OPEN)
                .ifPresent(i -> i.resolve(null, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<JobIncident> open() {
        return incidents.findByStatus(JobIncident.Status.OPEN, Sort.by("occurredAt", "id"));
    }

    /** The open incidents of one instance of this engine's lifetime (a key an earlier engine used is another instance). */
    @Transactional(readOnly = true)
    public List<JobIncident> openOf(long processInstanceKey) {
        return incidents.findByEngineEpochAndProcessInstanceKeyAndStatusOrderById(epoch, processInstanceKey, JobIncident.Status.OPEN);
    }

    /** An open incident of this engine's lifetime (an embedded engine's job keys mean nothing after a restart). */
    @Transactional(readOnly = true)
    public JobIncident openIncident(long id) {
        JobIncident incident = get(id);
        if (incident.getStatus() != JobIncident.Status.OPEN) {
            throw new ConflictException("该故障已处理");
        }
        if (!incident.getEngineEpoch().equals(epoch)) {
            throw new ConflictException("该故障属于引擎重启之前，已无法在引擎中重试");
        }
        return incident;
    }

    @Transactional(readOnly = true)
    public JobIncident get(long id) {
        return incidents.findById(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的故障"));
    }

    /** Marked resolved before the engine is asked to retry: the job may fail again at once, and that is recorded. */
    @Transactional
    public void resolved(long id, Actor actor) {
        if (incidents.resolveIfOpen(id, actor.personId(), clock.instant()) == 0) {
            throw new ConflictException("该故障已处理"); // another retry of it went first
        }
    }

    /** The engine refused the retry: the incident is open as before. */
    @Transactional
    public void retryRefused(long id) {
        incidents.findById(id).ifPresent(JobIncident::unresolve);
    }
}
