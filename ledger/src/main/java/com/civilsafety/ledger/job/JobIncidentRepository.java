package com.civilsafety.ledger.job;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JobIncidentRepository extends JpaRepository<JobIncident, Long> {
    List<JobIncident> findByStatus(JobIncident.Status status, Sort sort);

    Optional<JobIncident> findByEngineEpochAndJobKey(String engineEpoch, long jobKey);
}
