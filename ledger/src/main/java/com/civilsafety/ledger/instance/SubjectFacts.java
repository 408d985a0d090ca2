package com.civilsafety.ledger.instance;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.campaign.CampaignStatus;
import com.civilsafety.ledger.hazard.HazardStatus;
import com.civilsafety.ledger.whistleblower.ReportStatus;
import com.civilsafety.ledger.whistleblower.WhistleblowerReport;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the supervisor's console needs to know of the ledger records process instances are about — a hazard, a
 * campaign, a whistleblower report: its code, institution, township (region), campaign, status and, for a hazard,
 * its deadline and whether it is overdue (as docs/statistics.md defines it: not yet rectified and past its deadline).
 * Read a few hundred ids at a time, so a list of thousands of instances costs a few queries.
 */
@Service
public class SubjectFacts {
    private static final int CHUNK = 500;

    public enum Kind { HAZARD, CAMPAIGN, WHISTLEBLOWER }

    /**
     * {@code regionPaths}: the regions the record belongs to (a campaign: those it covers); {@code status}: its
     * status in Chinese; {@code deadline}, {@code overdue}: a hazard's rectification deadline.
     */
    public record Facts(Kind kind, long id, String code, Long institutionId, String institutionName, Long regionId,
                        String regionName, List<String> regionPaths, Long campaignId, String campaignName,
                        String status, LocalDate deadline, boolean overdue) {

        /** inside the actor's data scope: any of its regions within the actor's (or the actor's within a campaign's) */
        public boolean within(Actor actor) {
            if (actor.institutionId() != null) {
                return actor.institutionId().equals(institutionId);
            }
            return regionPaths.stream().anyMatch(path -> path.startsWith(actor.regionPath())
                    || kind == Kind.CAMPAIGN && actor.regionPath().startsWith(path));
        }
    }

    private final EntityManager em;

    SubjectFacts(EntityManager em) {
        this.em = em;
    }

    /** {@code today}: the day overdue is judged on */
    @Transactional(readOnly = true)
    public Map<Long, Facts> hazards(Collection<Long> ids, LocalDate today) {
        return chunked(ids, chunk -> rows("""
                select h.id, h.code, i.id, i.name, r.id, r.name, r.path, h.status, h.rectification_deadline, c.id, c.name, h.closed_at
                from hazard h join institution i on i.id = h.institution_id join region r on r.id = h.region_id
                left join campaign c on c.id = h.campaign_id where h.id in (:ids)""", chunk).stream().map(r -> {
            HazardStatus status = HazardStatus.valueOf((String) r[7]);
            LocalDate deadline = day(r[8]);
            // closed at all is closed before today's end: only whether it was matters
            boolean overdue = HazardStatus.overdueOn(today, null, deadline, r[11] == null ? null : Instant.EPOCH);
            return new Facts(Kind.HAZARD, number(r[0]), (String) r[1], number(r[2]), (String) r[3], number(r[4]),
                    (String) r[5], List.of((String) r[6]), r[9] == null ? null : number(r[9]), (String) r[10],
                    status.label(), deadline, overdue);
        }).toList());
    }

    @Transactional(readOnly = true)
    public Map<Long, Facts> campaigns(Collection<Long> ids) {
        return chunked(ids, chunk -> {
            Map<Long, List<String>> regions = new HashMap<>();
            rows("select cr.campaign_id, r.path from campaign_region cr join region r on r.id = cr.region_id where cr.campaign_id in (:ids)", chunk)
                    .forEach(r -> regions.computeIfAbsent(number(r[0]), k -> new ArrayList<>()).add((String) r[1]));
            return rows("select c.id, c.name, c.status from campaign c where c.id in (:ids)", chunk).stream()
                    .map(r -> new Facts(Kind.CAMPAIGN, number(r[0]), null, null, null, null, null,
                            List.copyOf(regions.getOrDefault(number(r[0]), List.of())), number(r[0]), (String) r[1],
                            CampaignStatus.valueOf((String) r[2]).label(), null, false)).toList();
        });
    }

    @Transactional(readOnly = true)
    public Map<Long, Facts> whistleblowerReports(Collection<Long> ids) {
        return chunked(ids, chunk -> rows("""
                select w.id, i.id, i.name, r.id, r.name, r.path, w.status
                from whistleblower_report w join institution i on i.id = w.institution_id join region r on r.id = w.region_id
                where w.id in (:ids)""", chunk).stream()
                // staff's reference (JB000012), never the tracking code: that is the reporter's key to the report
                .map(r -> new Facts(Kind.WHISTLEBLOWER, number(r[0]), WhistleblowerReport.referenceOf(number(r[0])),
                        number(r[1]), (String) r[2], number(r[3]), (String) r[4], List.of((String) r[5]), null, null,
                        ReportStatus.valueOf((String) r[6]).label(), null, false)).toList());
    }

    private Map<Long, Facts> chunked(Collection<Long> ids, Function<List<Long>, List<Facts>> read) {
        Map<Long, Facts> facts = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            read.apply(all.subList(from, Math.min(all.size(), from + CHUNK))).forEach(f -> facts.put(f.id(), f));
        }
        return facts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Long> ids) {
        return em.createNativeQuery(sql).setParameter("ids", ids).getResultList();
    }

    private static LocalDate day(Object value) {
        return value == null ? null : value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
