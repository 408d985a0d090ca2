package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.region.Region;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 《隐患清单》: the hazards of the ledger a query selects, within the actor's data scope, one row each, by township
 * and found date. Read as a stream of plain rows (no entities held), so an export of any size runs in bounded memory.
 * The same selection counted per status and grade feeds the dashboard's charts.
 */
@Service
public class HazardList {
    /** Rows fetched per round trip while streaming. */
    static final int FETCH_SIZE = 500;

    private final HazardService hazards;
    private final EntityManager entityManager;

    HazardList(HazardService hazards, EntityManager entityManager) {
        this.hazards = hazards;
        this.entityManager = entityManager;
    }

    /** A checked selection: a bad filter fails here, before anything has been written to the caller. */
    public record Selection(Specification<Hazard> filters) {
    }

    public Selection select(HazardQuery query, Actor actor) {
        return new Selection(hazards.filters(query, actor));
    }

    /** Hands each selected row to the consumer, streaming, inside one read-only transaction. */
    @Transactional(readOnly = true)
    public long forEach(Selection selection, Consumer<HazardListRow> consumer) {
        long count = 0;
        try (Stream<HazardListRow> rows = entityManager.createQuery(query(selection))
                .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()) {
            for (HazardListRow row : (Iterable<HazardListRow>) rows::iterator) {
                consumer.accept(row);
                count++;
            }
        }
        return count;
    }

    /** The selected rows as a list, for lists of a known small size (a township's major hazards in a report). */
    @Transactional(readOnly = true)
    public List<HazardListRow> rows(Selection selection) {
        return entityManager.createQuery(query(selection)).getResultList();
    }

    /** A status or grade with its label and how many hazards of a selection have it. */
    public record Count(String code, String label, long count) {
    }

    /** Every status and grade in their order, those without hazards as 0; hazards not yet graded are in no grade. */
    public record Counts(long total, List<Count> byStatus, List<Count> byGrade) {
    }

    /**
     * The hazards a query selects counted per status and per grade, in two grouped queries: what the dashboard's charts
     * show, with the ledger's own filters and scope, so that each slice opens a list of exactly its count.
     */
    @Transactional(readOnly = true)
    public Counts counts(HazardQuery query, Actor actor) {
        Specification<Hazard> filters = hazards.filters(query, actor);
        Map<Object, Long> statuses = countBy(filters, "status");
        Map<Object, Long> grades = countBy(filters, "grade");
        return new Counts(statuses.values().stream().mapToLong(Long::longValue).sum(),
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

    private CriteriaQuery<HazardListRow> query(Selection selection) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<HazardListRow> q = cb.createQuery(HazardListRow.class);
        Root<Hazard> h = q.from(Hazard.class);
        Join<Hazard, Region> township = h.join("region");
        Join<Hazard, Institution> institution = h.join("institution");
        Join<Hazard, HazardCriterion> criterion = h.join("criterion", JoinType.LEFT);
        q.select(cb.construct(HazardListRow.class, h.get("id"), h.get("code"), township.get("name"),
                institution.get("name"), institution.get("type"), h.get("description"), h.get("location"),
                criterion.get("code"), criterion.get("standard"), criterion.get("article"), criterion.get("text"), h.get("category"),
                h.get("source"), h.get("foundOn"), h.get("grade"), h.get("responsibleUnit"), h.get("responsiblePerson"),
                h.get("rectificationMeasures"), h.get("rectificationFunds"), h.get("rectificationDeadline"),
                h.get("temporaryControls"), h.get("status"), h.get("acceptedByName"), h.get("acceptedOn"),
                h.get("listedSupervision"), h.get("closedAt")));
        q.where(selection.filters().toPredicate(h, q, cb));
        q.orderBy(cb.asc(township.get("code")), cb.asc(h.get("foundOn")), cb.asc(h.get("id")));
        return q;
    }
}
