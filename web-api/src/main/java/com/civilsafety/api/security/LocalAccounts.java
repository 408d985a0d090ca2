package com.civilsafety.api.security;

import com.civilsafety.ledger.people.PeopleService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The built-in login of the embedded default: people of the ledger with a password. */
@Component
class LocalAccounts implements UserDetailsService {
    private final PeopleService people;

    LocalAccounts(PeopleService people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return people.findByUsername(username).filter(p -> p.getPasswordHash() != null)
                .map(p -> new ActorUser(PeopleService.actorOf(p), p.getPasswordHash(), p.isEnabled()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
