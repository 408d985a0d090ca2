package com.civilsafety.ledger.job;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JobIncidentRepository extends JpaRepository<JobIncident, Long> {
    List<JobIncident> findByStatus(JobIncident.Status status, Sort sort);
}
