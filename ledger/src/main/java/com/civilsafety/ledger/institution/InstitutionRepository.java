package com.civilsafety.ledger.institution;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InstitutionRepository extends JpaRepository<Institution, Long> {

    /**
     * Institutions in a region subtree; {@code institutionId} narrows to one institution, {@code type} to a type and
     * {@code name} to names containing it, each when not null.
     */
    @Query("""
            select i from Institution i
            where i.region.path like concat(:regionPath, '%')
              and (:institutionId is null or i.id = :institutionId)
              and (:type is null or i.type = :type)
              and (:name is null or i.name like concat('%', :name, '%'))
            order by i.region.code, i.code""")
    Page<Institution> findInScope(String regionPath, Long institutionId, InstitutionType type, String name,
                                  Pageable pageable);

    /** The operating institutions of the given types in a region subtree, in id order: a campaign's scope. */
    @Query("""
            select i from Institution i
            where i.region.path like concat(:regionPath, '%') and i.type in :types and i.status = :status
            order by i.id""")
    List<Institution> findInCampaignScope(String regionPath, Collection<InstitutionType> types, InstitutionStatus status);

    /** Institutions of a name in a region subtree (names are unique in practice, not by constraint). */
    @Query("select i from Institution i where i.region.path like concat(:regionPath, '%') and i.name = :name order by i.id")
    List<Institution> findByNameInScope(String regionPath, String name);

    /** The institutions, locked in id order (no two lockers wait on each other): an import's rows, one import at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Institution i where i.id in :ids order by i.id")
    List<Institution> lockAll(Collection<Long> ids);

    Optional<Institution> findByCode(String code);

    Optional<Institution> findByQrCode(String qrCode);

    /** Operating institutions whose name contains a text: what the public report form offers to choose from. */
    List<Institution> findTop20ByStatusInAndNameContainingOrderByName(Collection<InstitutionStatus> statuses, String name);

    Optional<Institution> findFirstByCodeIgnoreCase(String code);
}
