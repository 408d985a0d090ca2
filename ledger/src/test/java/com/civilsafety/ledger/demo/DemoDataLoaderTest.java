package com.civilsafety.ledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.people.PersonRepository;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest
class DemoDataLoaderTest {
    @Autowired
    DemoDataLoader loader;
    @Autowired
    RegionRepository regions;
    @Autowired
    InstitutionRepository institutions;
    @Autowired
    PersonRepository people;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void theDemoCountyHasTownshipsInstitutionsOfEveryTypeAndPeopleInEveryRole() {
        assertThat(regions.findByPathStartingWithAndLevelOrderByCode("/990000/990100/990121/", RegionLevel.TOWNSHIP))
                .hasSizeBetween(6, 10);
        assertThat(institutions.count()).isBetween(50L, 70L);
        assertThat(institutions.findAll().stream().map(Institution::getType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(InstitutionType.values());
        assertThat(institutions.findAll()).allSatisfy(i -> {
            assertThat(i.getRegion().getLevel()).isEqualTo(RegionLevel.TOWNSHIP);
            assertThat(i.getPrincipalName()).isNotBlank();
            assertThat(i.getCadreId()).isNotNull();
        });
        Set<Role> roles = people.findAll().stream().flatMap(p -> p.getRoles().stream()).collect(Collectors.toSet());
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        Person manager = people.findByUsername("inst001").orElseThrow();
        assertThat(manager.getInstitutionId()).isNotNull();
        assertThat(passwordEncoder.matches(DemoDataLoader.DEMO_PASSWORD, manager.getPasswordHash())).isTrue();
    }

    @Test
    void aDatabaseThatHasDataIsLeftAlone() throws Exception {
        long before = people.count() + institutions.count() + regions.count();
        loader.run(null);
        assertThat(people.count() + institutions.count() + regions.count()).isEqualTo(before);
    }
}
