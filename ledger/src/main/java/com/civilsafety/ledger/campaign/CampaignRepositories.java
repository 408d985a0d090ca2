package com.civilsafety.ledger.campaign;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CampaignRepository extends JpaRepository<Campaign, Long> {
    List<Campaign> findAllByOrderByIdDesc();

    /**
     * Locks the campaign row: steps that open work and a cancellation take it, so that a step running while the
     * campaign is cancelled either commits first (and its work is withdrawn) or sees the campaign cancelled.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Campaign c where c.id = :id")
    Optional<Campaign> findForUpdate(Long id);

    /** Records the process instance once, whoever comes first: the launcher or the process's first step. */
    @Modifying
    @Query("update Campaign c set c.processInstanceKey = :key where c.id = :id and c.processInstanceKey is null")
    int recordProcessInstance(Long id, Long key);

    @Modifying
    @Query("update Campaign c set c.processInstanceKey = :key where c.id = :id")
    int replaceProcessInstance(Long id, Long key);
}

interface CampaignPhaseRepository extends JpaRepository<CampaignPhase, Long> {
    List<CampaignPhase> findByCampaignIdOrderByOrdinal(Long campaignId);

    Optional<CampaignPhase> findByCampaignIdAndOrdinal(Long campaignId, int ordinal);
}

interface CampaignDeliverableRepository extends JpaRepository<CampaignDeliverable, Long> {
    List<CampaignDeliverable> findByCampaignIdOrderByDueOn(Long campaignId);
}

interface CampaignWorkRepository extends JpaRepository<CampaignWork, Long> {
    /** 迟报: work past its due date and still not submitted, of the regions under a path */
    @Query("""
            select count(w) from CampaignWork w, Region r
            where r.id = w.regionId and w.late = true and w.status = com.civilsafety.ledger.campaign.WorkStatus.OPEN
              and r.path like concat(:regionPath, '%')""")
    long countLateOpen(String regionPath);

    List<CampaignWork> findByCampaignIdAndSlotAndStatusOrderById(Long campaignId, String slot, WorkStatus status);

    List<CampaignWork> findByCampaignIdAndSlotOrderById(Long campaignId, String slot);

    /**
     * The open work of a slot, locked and as last committed, for a step that changes it (reminds, marks late). A step
     * may have begun reading before a cancellation or a submission committed; on MySQL and MariaDB (repeatable read) a
     * plain read would still show that work open, and writing it back would reopen it.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from CampaignWork w where w.campaignId = :campaignId and w.slot = :slot and w.status = com.civilsafety.ledger.campaign.WorkStatus.OPEN order by w.id")
    List<CampaignWork> lockOpen(Long campaignId, String slot);

    List<CampaignWork> findByCampaignIdAndStatus(Long campaignId, WorkStatus status);

    @Query("select w.ownerKey from CampaignWork w where w.campaignId = :campaignId and w.slot = :slot")
    List<String> findOwnerKeys(Long campaignId, String slot);

    /** The slots the campaign has opened work in. */
    @Query("select distinct w.slot from CampaignWork w where w.campaignId = :campaignId")
    List<String> findSlots(Long campaignId);

    Optional<CampaignWork> findByTaskId(Long taskId);

    List<CampaignWork> findByInstitutionIdOrderByDueOnAscIdAsc(Long institutionId);

    /**
     * Counts per slot, kind, region, institution type, status and lateness: what the progress view adds up — of one
     * institution's work only, when {@code institutionId} is given.
     */
    @Query("""
            select w.slot, w.kind, w.regionId, i.type, w.status, w.late, count(w)
            from CampaignWork w left join Institution i on i.id = w.institutionId
            where w.campaignId = :campaignId and (:institutionId is null or w.institutionId = :institutionId)
            group by w.slot, w.kind, w.regionId, i.type, w.status, w.late""")
    List<Object[]> countProgress(Long campaignId, Long institutionId);
}

interface DispatchReportRepository extends JpaRepository<DispatchReport, Long> {
    List<DispatchReport> findByCampaignIdOrderByReportMonthAscLevelDescRegionIdAsc(Long campaignId);

    List<DispatchReport> findByCampaignIdAndReportMonthAndLevel(Long campaignId, String reportMonth, String level);

    Optional<DispatchReport> findByWorkId(Long workId);
}
