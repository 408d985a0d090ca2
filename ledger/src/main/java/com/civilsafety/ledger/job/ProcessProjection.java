package com.civilsafety.ledger.job;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processes as the ledger saw them run. Per BPMN element: steps the workers carried out (completed),
 * the people's tasks those steps opened — open ones are waiting there now (active), done ones completed — and the
 * steps that failed for good and wait for an administrator (incidents). Counted
 * at the element that opened the task; the UI shows a person's wait at the element that follows it. Elements no
 * worker touches (timers, gateways) are not counted: the engine alone sees them (Operate, in remote mode).
 */
@Service
public class ProcessProjection {
    public record ElementCounts(String elementId, long active, long completed, long tasksDone, long incidents) {
    }

    /** A step of one process instance, as a worker recorded it. */
    public record Step(String elementId, String jobType, Instant at) {
    }

    private final EntityManager em;
    private final String epoch;

    public ProcessProjection(EntityManager em, @Value("${civil-safety.engine.epoch:cluster}") String epoch) {
        this.em = em;
        this.epoch = epoch;
    }

    /**
     * The instances of a process that recorded a step in the current engine's lifetime, newest first, each with the
     * engine's version of the process it runs as far as the ledger knows (0: not known, its steps predate the record).
     * Those still running are among them (the engine tells which have ended); an instance that has not reached its
     * first worker step yet is not.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> versionsSeen(String bpmnProcessId) {
        Map<Long, Integer> versions = new LinkedHashMap<>();
        em.createQuery("""
                        select p.processInstanceKey, max(p.processVersion) from ProcessedJob p
                        where p.bpmnProcessId = :process and p.id.engineEpoch = :epoch
                        group by p.processInstanceKey order by max(p.processedAt) desc""", Object[].class)
                .setParameter("process", bpmnProcessId).setParameter("epoch", epoch).getResultStream()
                .forEach(r -> versions.put((Long) r[0], r[1] == null ? 0 : ((Number) r[1]).intValue()));
        return versions;
    }

    /** An instance was moved to another version of its process: its later grouping follows it. */
    @Transactional
    public void migrated(long processInstanceKey, int processVersion) {
        em.createQuery("""
                        update ProcessedJob p set p.processVersion = :version
                        where p.processInstanceKey = :instance and p.id.engineEpoch = :epoch""")
                .setParameter("version", processVersion).setParameter("instance", processInstanceKey)
                .setParameter("epoch", epoch).executeUpdate();
    }

    /**
     * A recorded step: its element, job type and the variables it returned, as JSON. A rebuild's row ({@link
     * JobLedger#REBUILD}) names the element the rebuilt instance started at and the variables it started with.
     */
    public record StepResult(String elementId, String jobType, String result) {
    }

    /**
     * What the steps of an instance an earlier engine ran returned, in order: the variables it gathered. Instance keys
     * repeat across embedded engines' lifetimes, so the rows are those of the process under that key in the latest
     * earlier engine that recorded any (the current engine's are another instance's).
     */
    @Transactional(readOnly = true)
    public List<StepResult> resultsOfLost(long processInstanceKey, String bpmnProcessId) {
        List<String> epochs = em.createQuery("""
                        select p.id.engineEpoch from ProcessedJob p
                        where p.processInstanceKey = :instance and p.bpmnProcessId = :process and p.id.engineEpoch <> :current
                        order by p.processedAt desc""", String.class)
                .setParameter("instance", processInstanceKey).setParameter("process", bpmnProcessId)
                .setParameter("current", epoch).setMaxResults(1).getResultList();
        if (epochs.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select p.elementId, p.jobType, p.result from ProcessedJob p
                        where p.processInstanceKey = :instance and p.bpmnProcessId = :process and p.id.engineEpoch = :epoch
                        order by p.processedAt, p.id.jobKey""", Object[].class)
                .setParameter("instance", processInstanceKey).setParameter("process", bpmnProcessId)
                .setParameter("epoch", epochs.getFirst()).getResultStream()
                .map(r -> new StepResult((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    /**
     * Whether an instance key was recorded by an earlier engine and not by the current one. An embedded engine numbers
     * its instances afresh on every start, so the current engine may run an unrelated instance under the same key.
     */
    @Transactional(readOnly = true)
    public boolean fromAnotherEngine(long processInstanceKey) {
        List<String> epochs = em.createQuery("select distinct p.id.engineEpoch from ProcessedJob p where p.processInstanceKey = :instance",
                String.class).setParameter("instance", processInstanceKey).getResultList();
        return !epochs.isEmpty() && !epochs.contains(epoch);
    }

    /**
     * The path one instance took: its recorded steps, in order. Only the current engine's: instance keys repeat across
     * embedded engines' lifetimes, and an earlier engine's steps under the same key are another instance's.
     */
    @Transactional(readOnly = true)
    public List<Step> path(long processInstanceKey) {
        return em.createQuery("""
                        select p.elementId, p.jobType, p.processedAt from ProcessedJob p
                        where p.processInstanceKey = :instance and p.id.engineEpoch = :epoch and p.elementId is not null
                          and p.jobType <> :rebuild
                        order by p.processedAt, p.id.jobKey""", Object[].class)
                .setParameter("instance", processInstanceKey).setParameter("epoch", epoch)
                .setParameter("rebuild", JobLedger.REBUILD).getResultStream()
                .map(r -> new Step((String) r[0], (String) r[1], (Instant) r[2])).toList();
    }

    /**
     * The counts of a process's elements; a process whose people's tasks are addressed by a subject (the hazard loop's
     * HAZARD, the triage's WHISTLEBLOWER) counts those tasks too; campaign work is counted by its jobs only (null).
     */
    @Transactional(readOnly = true)
    public List<ElementCounts> of(String bpmnProcessId, String taskSubject) {
        Map<String, long[]> counts = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> steps = em.createNativeQuery("""
                select element_id, count(*) from processed_job
                where bpmn_process_id = :process and element_id is not null and job_type <> :rebuild group by element_id""")
                .setParameter("process", bpmnProcessId).setParameter("rebuild", JobLedger.REBUILD).getResultList();
        for (Object[] row : steps) {
            counts.computeIfAbsent((String) row[0], k -> new long[4])[1] = ((Number) row[1]).longValue();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> incidents = em.createNativeQuery("""
                select element_id, count(*) from job_incident
                where bpmn_process_id = :process and element_id is not null and status = 'OPEN' group by element_id""")
                .setParameter("process", bpmnProcessId).getResultList();
        for (Object[] row : incidents) {
            counts.computeIfAbsent((String) row[0], k -> new long[4])[3] = ((Number) row[1]).longValue();
        }
        if (taskSubject != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> tasks = em.createNativeQuery("""
                    select element_id, status, count(*) from inbox_task
                    where subject_type = :subject and element_id is not null group by element_id, status""")
                    .setParameter("subject", taskSubject).getResultList();
            for (Object[] row : tasks) {
                long[] c = counts.computeIfAbsent((String) row[0], k -> new long[4]);
                if ("OPEN".equals(row[1])) {
                    c[0] += ((Number) row[2]).longValue();
                } else if ("COMPLETED".equals(row[1])) {
                    c[2] += ((Number) row[2]).longValue();
                }
            }
        }
        return counts.entrySet().stream().map(e -> new ElementCounts(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3])).toList();
    }
}
