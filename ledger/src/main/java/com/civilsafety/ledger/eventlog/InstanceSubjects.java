package com.civilsafety.ledger.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a process instance is about, in the words of the people who watch it — 「隐患 YH-… （某养老院）」, 「某行动 · 机构自查」
 * — read from the ledger events its steps wrote (each carries its instance's key), so it works against any engine.
 */
@Service
public class InstanceSubjects {
    private static final int CHUNK = 500;

    private final EntityManager em;
    private final ObjectMapper json;

    InstanceSubjects(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The subject of each instance that wrote a ledger event; an instance that wrote none is left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> of(Collection<Long> processInstanceKeys) {
        Map<Long, String> names = new HashMap<>();
        List<Long> keys = List.copyOf(processInstanceKeys);
        for (int from = 0; from < keys.size(); from += CHUNK) {
            names.putAll(chunk(keys.subList(from, Math.min(keys.size(), from + CHUNK))));
        }
        return names;
    }

    private Map<Long, String> chunk(List<Long> keys) {
        Map<Long, String> names = new HashMap<>();
        List<Object[]> events = em.createQuery("""
                        select e.processInstanceKey, e.subjectType, e.subjectId, e.type, e.payload from LedgerEvent e
                        where e.processInstanceKey in :keys and e.subjectType in ('HAZARD', 'CAMPAIGN', 'WHISTLEBLOWER')
                        order by e.id""", Object[].class).setParameter("keys", keys).getResultList();
        Map<Long, Object[]> first = new HashMap<>();
        Map<Long, Integer> phaseOf = new HashMap<>();
        for (Object[] e : events) {
            long key = ((Number) e[0]).longValue();
            first.putIfAbsent(key, e);
            if (e[3] == EventType.CAMPAIGN_PHASE_OPENED && e[4] != null) {
                JsonNode ordinal = payload((String) e[4]).path("ordinal");
                if (ordinal.isInt()) {
                    phaseOf.putIfAbsent(key, ordinal.asInt());
                }
            }
        }
        first.forEach((key, e) -> {
            long subject = ((Number) e[2]).longValue();
            String name = switch ((String) e[1]) {
                case "HAZARD" -> hazard(subject);
                // staff's reference (JB000012, as WhistleblowerReport.reference()), never the reporter's tracking code
                case "WHISTLEBLOWER" -> java.util.Optional.ofNullable(single("""
                        select i.name from whistleblower_report w join institution i on i.id = w.institution_id
                        where w.id = :id""", subject)).map(i -> "举报 JB%06d（%s）".formatted(subject, i)).orElse(null);
                default -> campaign(subject, phaseOf.get(key));
            };
            if (name != null) {
                names.put(key, name);
            }
        });
        return names;
    }

    /** 「隐患 YH-…（某养老院）」; null if there is no such hazard */
    @Transactional(readOnly = true)
    public String hazard(long hazardId) {
        return single("""
                select concat('隐患 ', coalesce(h.code, '（未编号）'), '（', i.name, '）') from hazard h
                join institution i on i.id = h.institution_id where h.id = :id""", hazardId);
    }

    /** 「行动名 · 报送节点名」; null if there is no such deliverable */
    @Transactional(readOnly = true)
    public String deliverable(long deliverableId) {
        return single("""
                select concat(c.name, ' · ', d.name) from campaign_deliverable d join campaign c on c.id = d.campaign_id
                where d.id = :id""", deliverableId);
    }

    /** the campaign's name, with its phase's if an ordinal is given; null if there is no such campaign */
    @Transactional(readOnly = true)
    public String campaign(long campaignId, Integer ordinal) {
        String campaign = single("select c.name from campaign c where c.id = :id", campaignId);
        if (campaign == null || ordinal == null) {
            return campaign;
        }
        List<?> phase = em.createNativeQuery("select p.name from campaign_phase p where p.campaign_id = :id and p.ordinal = :ordinal")
                .setParameter("id", campaignId).setParameter("ordinal", ordinal).getResultList();
        return phase.isEmpty() ? campaign : campaign + " · " + phase.getFirst();
    }

    private String single(String sql, long id) {
        List<?> rows = em.createNativeQuery(sql).setParameter("id", id).getResultList();
        return rows.isEmpty() ? null : String.valueOf(rows.getFirst());
    }

    private JsonNode payload(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            return json.nullNode();
        }
    }
}
