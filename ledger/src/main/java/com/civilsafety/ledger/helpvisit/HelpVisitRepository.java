package com.civilsafety.ledger.helpvisit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HelpVisitRepository extends JpaRepository<HelpVisit, Long> {
    List<HelpVisit> findByInstitutionIdOrderByVisitedOnDescIdDesc(Long institutionId);
}
