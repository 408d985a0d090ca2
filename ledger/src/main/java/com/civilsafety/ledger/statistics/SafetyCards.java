package com.civilsafety.ledger.statistics;

import com.civilsafety.ledger.campaign.WorkStatus;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.common.ReportPhones;
import com.civilsafety.ledger.hazard.HazardGrade;
import com.civilsafety.ledger.hazard.HazardStatus;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一院一码: what the public may know of an institution's safety, shown where its QR code leads — its name, type,
 * township and address, whether it operates, how many hazards are open by grade, when it was last inspected, and the
 * number to call to report (举报电话: {@code civil-safety.whistleblower.phone}, or a county's own under
 * {@code civil-safety.whistleblower.phone-by-region}). Nothing private: no people, no descriptions, no codes.
 */
@Service
@Transactional(readOnly = true)
public class SafetyCards {
    private final InstitutionRepository institutions;
    private final RegionRepository regions;
    private final EntityManager entityManager;
    private final ReportPhones phones;

    SafetyCards(InstitutionRepository institutions, RegionRepository regions, EntityManager entityManager, ReportPhones phones) {
        this.institutions = institutions;
        this.regions = regions;
        this.entityManager = entityManager;
        this.phones = phones;
    }

    /** openPending: reported, not yet graded */
    public record SafetyCard(long institutionId, String qrCode, String name, String typeLabel, String township,
                             String address, String status, String statusLabel, long openMajor, long openGeneral,
                             long openPending, LocalDate lastInspectedOn, String reportPhone) {
    }

    /** The card of the institution a QR code names (an unknown code: not found). */
    public SafetyCard byQrCode(String qrCode) {
        Institution institution = institutions.findByQrCode(qrCode == null ? "" : qrCode.strip())
                .orElseThrow(() -> new NotFoundException("二维码无效或机构不存在"));
        return card(institution);
    }

    /** The card of an institution, by its id (the caller has checked it may see it). */
    public SafetyCard of(Institution institution) {
        return card(institution);
    }

    private SafetyCard card(Institution institution) {
        long major = 0;
        long general = 0;
        long pending = 0;
        for (Object[] row : entityManager.createQuery("""
                select h.grade, count(h) from Hazard h
                where h.institution.id = :id and h.status <> :closed group by h.grade""", Object[].class)
                .setParameter("id", institution.getId()).setParameter("closed", HazardStatus.CLOSED).getResultList()) {
            long count = ((Number) row[1]).longValue();
            if (row[0] == HazardGrade.MAJOR) {
                major += count;
            } else if (row[0] == HazardGrade.GENERAL) {
                general += count;
            } else {
                pending += count;
            }
        }
        Instant inspected = entityManager.createQuery("""
                select max(w.submittedAt) from CampaignWork w
                where w.institutionId = :id and w.kind in :kinds and w.status = :submitted""", Instant.class)
                .setParameter("id", institution.getId()).setParameter("submitted", WorkStatus.SUBMITTED)
                .setParameter("kinds", EnumSet.of(TaskKind.INSPECTION, TaskKind.SUPERVISION_VISIT)).getSingleResult();
        return new SafetyCard(institution.getId(), institution.getQrCode(), institution.getName(),
                institution.getType().label(), institution.getRegion().unitName(), institution.getAddress(),
                institution.getStatus().name(), institution.getStatus().label(), major, general, pending,
                inspected == null ? null : inspected.atZone(LedgerTime.ZONE).toLocalDate(), phoneOf(institution.getRegion()));
    }

    /** The report number of the institution's region, or of the nearest region above it that has one. */
    private String phoneOf(Region region) {
        return phones.of(regions.codesUpward(region));
    }
}
