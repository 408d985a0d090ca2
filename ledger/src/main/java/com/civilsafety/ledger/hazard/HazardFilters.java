package com.civilsafety.ledger.hazard;

import jakarta.persistence.criteria.Predicate;
import com.civilsafety.ledger.common.LedgerTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.data.jpa.domain.Specification;

/** A {@link HazardQuery} within a data scope, as a JPA criteria query. */
final class HazardFilters {

    static Specification<Hazard> of(HazardQuery q, String regionPath, Long scopeInstitutionId, LocalDate today) {
        return (hazard, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.like(hazard.get("region").get("path"), regionPath + "%"));
            if (scopeInstitutionId != null) {
                where.add(cb.equal(hazard.get("institution").get("id"), scopeInstitutionId));
            }
            if (q.institutionId() != null) {
                where.add(cb.equal(hazard.get("institution").get("id"), q.institutionId()));
            }
            if (q.institutionType() != null) {
                where.add(cb.equal(hazard.get("institutionType"), q.institutionType()));
            }
            if (q.grade() != null) {
                where.add(cb.equal(hazard.get("grade"), q.grade()));
            }
            if (q.status() != null) {
                where.add(cb.equal(hazard.get("status"), q.status()));
            }
            if (q.category() != null) {
                where.add(cb.equal(hazard.get("category"), q.category()));
            }
            if (q.source() != null) {
                where.add(cb.equal(hazard.get("source"), q.source()));
            }
            if (q.foundFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(hazard.get("foundOn"), q.foundFrom()));
            }
            if (q.foundTo() != null) {
                where.add(cb.lessThanOrEqualTo(hazard.get("foundOn"), q.foundTo()));
            }
            String keyword = q.keyword() == null ? "" : q.keyword().strip();
            if (!keyword.isEmpty()) {
                // '!' escapes the wildcards typed: MySQL would read a backslash in the ESCAPE clause as an escape itself
                String pattern = "%" + keyword.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
                where.add(cb.or(Stream.of(hazard.get("code"), hazard.get("institution").get("name"), hazard.get("description"),
                                hazard.get("location"))
                        .map(text -> cb.like(cb.lower(text.as(String.class)), pattern, '!')).toArray(Predicate[]::new)));
            }
            if (q.overdue() != null) { // 逾期 today (HazardStatus.overdueOn): not closed, the deadline before today
                where.add(q.overdue()
                        ? cb.and(cb.isNull(hazard.get("closedAt")), cb.lessThan(hazard.get("rectificationDeadline"), today))
                        : cb.or(cb.isNotNull(hazard.get("closedAt")), cb.isNull(hazard.get("rectificationDeadline")),
                                cb.greaterThanOrEqualTo(hazard.get("rectificationDeadline"), today)));
            }
            if (q.listedSupervision() != null) {
                where.add(cb.equal(hazard.get("listedSupervision"), q.listedSupervision()));
            }
            if (q.closedBy() != null) {
                where.add(cb.lessThan(hazard.get("closedAt"), LedgerTime.startOfDayAfter(q.closedBy())));
            }
            if (q.overdueOn() != null) { // HazardStatus.overdueOn: as StatisticsService counts 逾期 on a window's day
                where.add(cb.lessThanOrEqualTo(hazard.get("foundOn"), q.overdueOn()));
                where.add(cb.lessThan(hazard.get("rectificationDeadline"), q.overdueOn()));
                where.add(cb.or(cb.isNull(hazard.get("closedAt")), cb.greaterThanOrEqualTo(hazard.get("closedAt"), LedgerTime.startOfDayAfter(q.overdueOn()))));
            }
            if (q.openOn() != null) {
                where.add(cb.or(cb.isNull(hazard.get("closedAt")), cb.greaterThanOrEqualTo(hazard.get("closedAt"), LedgerTime.startOfDayAfter(q.openOn()))));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private HazardFilters() {
    }
}
