package com.civilsafety.ledger.hazard;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface HazardRepository extends JpaRepository<Hazard, Long>, JpaSpecificationExecutor<Hazard> {
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

interface HazardEscalationRepository extends JpaRepository<HazardEscalation, Long> {
    List<HazardEscalation> findByHazardIdOrderById(Long hazardId);
}

interface HazardExtensionRepository extends JpaRepository<HazardExtension, Long> {
    List<HazardExtension> findByHazardIdOrderById(Long hazardId);

    java.util.Optional<HazardExtension> findFirstByHazardIdAndStatusOrderByIdDesc(Long hazardId, HazardExtension.Status status);
}
