package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.access.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hazards a ledger query selects, counted per status and per grade in two grouped queries: what the dashboard's
 * charts show, with the ledger's own filters and scope, so that each slice opens a list of exactly its count.
 */
@Service
public class HazardCounts {
    private final HazardService hazards;
    private final EntityManager entityManager;

    HazardCounts(HazardService hazards, EntityManager entityManager) {
        this.hazards = hazards;
        this.entityManager = entityManager;
    }

    /** A status or grade with its label and how many hazards have it. */
    public record Count(String code, String label, long count) {
    }

    /** Every status and grade in their order, those without hazards as 0; hazards not yet graded are in no grade. */
    public record Totals(long total, List<Count> byStatus, List<Count> byGrade) {
    }

    @Transactional(readOnly = true)
    public Totals of(HazardQuery query, Actor actor) {
        Specification<Hazard> filters = hazards.filters(query, actor);
        Map<Object, Long> statuses = countBy(filters, "status");
        Map<Object, Long> grades = countBy(filters, "grade");
        return new Totals(statuses.values().stream().mapToLong(Long::longValue).sum(),
                Arrays.stream(HazardStatus.values()).map(s -> new Count(s.name(), s.label(), statuses.getOrDefault(s, 0L))).toList(),
                Arrays.stream(HazardGrade.values()).map(g -> new Count(g.name(), g.label(), grades.getOrDefault(g, 0L))).toList());
    }

    private Map<Object, Long> countBy(Specification<Hazard> filters, String attribute) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<Hazard> hazard = q.from(Hazard.class);
        q.multiselect(hazard.get(attribute), cb.count(hazard)).where(filters.toPredicate(hazard, q, cb)).groupBy(hazard.get(attribute));
        Map<Object, Long> counts = new HashMap<>();
        for (Object[] row : entityManager.createQuery(q).getResultList()) {
            if (row[0] != null) {
                counts.put(row[0], ((Number) row[1]).longValue());
            }
        }
        return counts;
    }
}
