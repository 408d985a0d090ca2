package com.civilsafety.ledger.whistleblower;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface WhistleblowerReportRepository extends JpaRepository<WhistleblowerReport, Long> {
    Optional<WhistleblowerReport> findByTrackingCode(String trackingCode);

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
