package com.civilsafety.ledger.processmodel;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProcessModelRevisionRepository extends JpaRepository<ProcessModelRevision, Long> {
    Optional<ProcessModelRevision> findTopByModelNameOrderByRevisionDesc(String modelName);

    List<ProcessModelRevision> findByModelNameOrderByRevisionDesc(String modelName);
}
