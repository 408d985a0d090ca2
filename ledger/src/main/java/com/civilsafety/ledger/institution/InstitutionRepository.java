package com.civilsafety.ledger.institution;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InstitutionRepository extends JpaRepository<Institution, Long> {

    /** Institutions in a region subtree; {@code institutionId} narrows to one institution when not null. */
    @Query("""
            select i from Institution i
            where i.region.path like concat(:regionPath, '%')
              and (:institutionId is null or i.id = :institutionId)
            order by i.region.code, i.code""")
    Page<Institution> findInScope(String regionPath, Long institutionId, Pageable pageable);
}
