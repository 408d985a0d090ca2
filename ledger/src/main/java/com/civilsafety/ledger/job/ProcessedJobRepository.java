package com.civilsafety.ledger.job;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProcessedJobRepository extends JpaRepository<ProcessedJob, ProcessedJob.Key> {
}
