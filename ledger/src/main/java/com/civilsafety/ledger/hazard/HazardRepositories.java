package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.inbox.TaskKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface HazardRepository extends JpaRepository<Hazard, Long>, JpaSpecificationExecutor<Hazard> {
    default Hazard require(long hazardId) {
        return findById(hazardId).orElseThrow(() -> new NotFoundException("隐患不存在：" + hazardId));
    }

    /** Hazards whose loop started and still runs: not closed, or closed without a 回头看 task yet. */
    @Query("""
            select h from Hazard h where h.processInstanceKey is not null
              and (h.status <> :closed or not exists (select t.id from InboxTask t
                   where t.subjectType = :subject and t.subjectId = h.id and t.kind = :recheck))
            order by h.id""")
    List<Hazard> findInOpenLoops(HazardStatus closed, String subject, TaskKind recheck);

    List<Hazard> findTop100ByProcessStartPendingTrueAndCreatedAtBeforeOrderById(Instant createdBefore);

    /** The hazards an imported row would repeat: same institution, 判定依据, description and found date (HazardImport). */
    @Query("""
            select h from Hazard h where h.institution.id = :institutionId and h.criterion.code = :criterionCode
              and h.description = :description and h.foundOn = :foundOn order by h.id""")
    List<Hazard> findSame(long institutionId, String criterionCode, String description, LocalDate foundOn);

    @Query("select h from Hazard h where h.campaignId = :campaignId and h.status = :status order by h.id")
    List<Hazard> findByCampaign(Long campaignId, HazardStatus status);

    @Query("""
            select h from Hazard h where h.status = :status and h.region.path like concat(:regionPath, '%')
              and h.closedAt >= :closedSince order by h.id""")
    List<Hazard> findClosedSince(HazardStatus status, String regionPath, Instant closedSince);

    /** Takes the start of a hazard's loop for the caller, if nobody has; 1 when it did. */
    @Modifying
    @Query("update Hazard h set h.processStartPending = false where h.id = :id and h.processStartPending = true")
    int claimProcessStart(Long id);

    @Modifying
    @Query("update Hazard h set h.processStartPending = true where h.id = :id and h.processInstanceKey is null")
    int releaseProcessStart(Long id);

    long countByCampaignId(Long campaignId);

    long countByCampaignIdAndGrade(Long campaignId, HazardGrade grade);

    long countByCampaignIdAndStatus(Long campaignId, HazardStatus status);

    @Query("""
            select count(h) from Hazard h where h.campaignId = :campaignId and h.status <> :closed
              and h.rectificationDeadline < :today""")
    long countOverdue(Long campaignId, HazardStatus closed, LocalDate today);
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
