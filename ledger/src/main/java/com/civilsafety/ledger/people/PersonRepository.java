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
}
