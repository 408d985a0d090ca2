package com.civilsafety.ledger.criterion;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HazardCriterionRepository extends JpaRepository<HazardCriterion, Long> {
    Optional<HazardCriterion> findByCode(String code);

    List<HazardCriterion> findByActiveTrueOrderByMajorDescCodeAsc();
}
