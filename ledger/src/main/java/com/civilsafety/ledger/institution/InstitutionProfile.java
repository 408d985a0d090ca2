package com.civilsafety.ledger.institution;

import com.civilsafety.ledger.people.Person;
import java.util.List;

/** An institution with the people who answer for it: its own staff with accounts, and its 包保 cadre (may be null). */
public record InstitutionProfile(Institution institution, Person cadre, List<Person> staff) {
}
