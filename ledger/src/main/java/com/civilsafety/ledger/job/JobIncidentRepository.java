package com.civilsafety.ledger.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface JobIncidentRepository extends JpaRepository<JobIncident, Long> {
    List<JobIncident> findByStatus(JobIncident.Status status, Sort sort);

    Optional<JobIncident> findByEngineEpochAndJobKey(String engineEpoch, long jobKey);

    List<JobIncident> findByEngineEpochAndProcessInstanceKeyAndStatusOrderById(String engineEpoch, long processInstanceKey,
                                                                              JobIncident.Status status);

    /** open → resolved, only if it is open now: of two retries at once, one proceeds */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update JobIncident i set i.status = com.civilsafety.ledger.job.JobIncident.Status.RESOLVED, i.resolvedBy = :by, "
            + "i.resolvedAt = :at where i.id = :id and i.status = com.civilsafety.ledger.job.JobIncident.Status.OPEN")
    int resolveIfOpen(long id, Long by, Instant at);
}
