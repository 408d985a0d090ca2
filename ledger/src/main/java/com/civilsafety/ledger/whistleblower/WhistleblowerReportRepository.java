package com.civilsafety.ledger.whistleblower;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WhistleblowerReportRepository extends JpaRepository<WhistleblowerReport, Long> {

    /**
     * Records the triage instance unless a worker already has: a column of its own, so a report the worker moved to
     * 核查中 meanwhile is not written back as it was read (a whole-row update did, now and then).
     */
    @Modifying
    @Query("update WhistleblowerReport r set r.processInstanceKey = :processInstanceKey where r.id = :id and r.processInstanceKey is null")
    int recordInstance(Long id, Long processInstanceKey);
    Optional<WhistleblowerReport> findByTrackingCode(String trackingCode);

    Optional<WhistleblowerReport> findFirstByHazardId(Long hazardId);

    /** The report, locked: photos sent at once are counted one after another against the limit. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from WhistleblowerReport w where w.trackingCode = :trackingCode")
    Optional<WhistleblowerReport> lockByTrackingCode(String trackingCode);

    List<WhistleblowerReport> findByProcessInstanceKeyNotNullAndStatusNotInOrderById(Collection<ReportStatus> ended);

    @Query("""
            select w from WhistleblowerReport w, Region r
            where r.id = w.regionId and r.path like concat(:regionPath, '%')
              and (:institutionId is null or w.institutionId = :institutionId)
            order by w.submittedAt desc, w.id desc""")
    List<WhistleblowerReport> findInScope(String regionPath, Long institutionId);

    List<WhistleblowerReport> findTop100ByProcessInstanceKeyIsNullAndSubmittedAtBeforeOrderById(java.time.Instant before);
}
