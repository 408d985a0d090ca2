package com.civilsafety.ledger.people;

import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import com.civilsafety.ledger.access.Actor;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PeopleService {
    private final PersonRepository people;
    private final RegionRepository regions;
    private final InstitutionRepository institutions;
    private final Clock clock;

    public PeopleService(PersonRepository people, RegionRepository regions, InstitutionRepository institutions, Clock clock) {
        this.people = people;
        this.regions = regions;
        this.institutions = institutions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Person> findByUsername(String username) {
        return people.findByUsername(username);
    }

    /**
     * The acting identity of someone signed in through the identity provider (Keycloak): their roles, region and
     * institution are the token's; the ledger keeps a person of the same username for signatures and history,
     * created on first sign-in and kept in step with the token afterwards. {@code organisation}: the body an expert or a
     * third party acts for; {@code section}: the bureau section a section's person works in.
     */
    @Transactional
    public Actor signedIn(String username, String displayName, Set<Role> roles, String regionCode, String institutionCode,
                          String organisation, String section) {
        Region region = regions.findByCode(regionCode == null ? "" : regionCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown region code in token: " + regionCode));
        Long institutionId = null;
        if (institutionCode != null && !institutionCode.isBlank()) {
            Institution institution = institutions.findByCode(institutionCode)
                    .filter(i -> i.getRegion().getPath().startsWith(region.getPath()))
                    .orElseThrow(() -> new IllegalArgumentException("unknown institution code in token: " + institutionCode));
            institutionId = institution.getId();
        }
        Person person = people.findByUsername(username).orElse(null);
        if (person == null) {
            person = people.save(new Person(username, displayName, null, null, region, institutionId,
                    roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles, clock.instant()).actingFor(organisation).worksIn(section));
        } else {
            person.signedInAs(displayName, region, institutionId, roles, organisation, section);
        }
        return new Actor(person.getId(), username, displayName, roles, region.getPath(), institutionId, person.getSection());
    }

    /** The acting identity of a person, with the data scope of their region and institution. */
    public static Actor actorOf(Person person) {
        return new Actor(person.getId(), person.getUsername(), person.getDisplayName(), person.getRoles(),
                person.getRegion().getPath(), person.getInstitutionId(), person.getSection());
    }
}
