package com.civilsafety.ledger.people;

import com.civilsafety.ledger.access.Actor;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PeopleService {
    private final PersonRepository people;

    public PeopleService(PersonRepository people) {
        this.people = people;
    }

    @Transactional(readOnly = true)
    public Optional<Person> findByUsername(String username) {
        return people.findByUsername(username);
    }

    /** The acting identity of a person, with the data scope of their region and institution. */
    public static Actor actorOf(Person person) {
        return new Actor(person.getId(), person.getUsername(), person.getDisplayName(), person.getRoles(),
                person.getRegion().getPath(), person.getInstitutionId());
    }
}
