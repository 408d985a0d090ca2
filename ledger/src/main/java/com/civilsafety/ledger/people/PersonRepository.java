package com.civilsafety.ledger.people;

import com.civilsafety.ledger.access.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {
    Optional<Person> findByUsername(String username);

    List<Person> findByInstitutionIdOrderById(Long institutionId);

    @Query("select p from Person p join p.roles r where r = :role and p.enabled = true order by p.id")
    List<Person> findEnabledWithRole(Role role);

    @Query("""
            select new com.civilsafety.ledger.people.PersonContact(p.id, p.region.path, p.institutionId, p.phone, p.section)
            from Person p join p.roles r where r = :role and p.enabled = true order by p.id""")
    List<PersonContact> contactsWithRole(Role role);

    /**
     * Those of a role whose data scope covers a record (its region path, and its institution for institution users):
     * who may act on it, and so who is told of it ({@link PersonContact#covers} is the same rule).
     */
    @Query("""
            select new com.civilsafety.ledger.people.PersonContact(p.id, p.region.path, p.institutionId, p.phone, p.section)
            from Person p join p.roles r
            where r = :role and p.enabled = true and :regionPath like concat(p.region.path, '%')
              and (p.institutionId is null or p.institutionId = :institutionId)
            order by p.id""")
    List<PersonContact> contactsCovering(Role role, String regionPath, Long institutionId);

    @Query("select new com.civilsafety.ledger.people.PersonContact(p.id, p.region.path, p.institutionId, p.phone, p.section) from Person p where p.id = :id and p.enabled = true")
    Optional<PersonContact> contactOf(long id);
}
