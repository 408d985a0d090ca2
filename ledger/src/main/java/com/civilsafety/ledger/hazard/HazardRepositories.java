package com.civilsafety.ledger.hazard;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HazardRepository extends JpaRepository<Hazard, Long> {
}

interface HazardStatusChangeRepository extends JpaRepository<HazardStatusChange, Long> {
    List<HazardStatusChange> findByHazardIdOrderById(Long hazardId);
}

interface HazardRectificationRepository extends JpaRepository<HazardRectification, Long> {
    List<HazardRectification> findByHazardIdOrderById(Long hazardId);
}

interface HazardVerificationRepository extends JpaRepository<HazardVerification, Long> {
    List<HazardVerification> findByHazardIdOrderById(Long hazardId);
}
