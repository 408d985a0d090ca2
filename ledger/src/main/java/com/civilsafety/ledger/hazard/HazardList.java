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
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 《隐患清单》: the hazards of the ledger a query selects, within the actor's data scope, one row each, by township
 * and found date. Read as a stream of plain rows (no entities held), so an export of any size runs in bounded memory.
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

    private CriteriaQuery<HazardListRow> query(Selection selection) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<HazardListRow> q = cb.createQuery(HazardListRow.class);
        Root<Hazard> h = q.from(Hazard.class);
        Join<Hazard, Region> township = h.join("region");
        Join<Hazard, Institution> institution = h.join("institution");
        Join<Hazard, HazardCriterion> criterion = h.join("criterion", JoinType.LEFT);
        q.select(cb.construct(HazardListRow.class, h.get("id"), h.get("code"), township.get("name"),
                institution.get("name"), institution.get("type"), h.get("description"), h.get("location"),
                criterion.get("code"), criterion.get("standard"), criterion.get("article"), h.get("category"),
                h.get("source"), h.get("foundOn"), h.get("grade"), h.get("responsibleUnit"), h.get("responsiblePerson"),
                h.get("rectificationMeasures"), h.get("rectificationFunds"), h.get("rectificationDeadline"),
                h.get("temporaryControls"), h.get("status"), h.get("acceptedByName"), h.get("acceptedOn"),
                h.get("listedSupervision"), h.get("closedAt")));
        q.where(selection.filters().toPredicate(h, q, cb));
        q.orderBy(cb.asc(township.get("code")), cb.asc(h.get("foundOn")), cb.asc(h.get("id")));
        return q;
    }
}
