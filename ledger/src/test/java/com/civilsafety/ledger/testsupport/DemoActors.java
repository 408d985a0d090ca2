package com.civilsafety.ledger.testsupport;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.people.PeopleService;
import com.civilsafety.ledger.people.PersonRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo county's people as actors, for tests. */
@Component
public class DemoActors {
    private final PersonRepository people;

    public DemoActors(PersonRepository people) {
        this.people = people;
    }

    @Transactional(readOnly = true)
    public Actor get(String username) {
        return people.findByUsername(username).map(PeopleService::actorOf)
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }
}
