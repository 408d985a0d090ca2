package com.civilsafety.ledger.demo;

import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.people.PersonRepository;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the fictional county on the first start of an empty database, so the platform can be tried at once. It never
 * touches a database that already has regions, and is off unless {@code civil-safety.demo-data.enabled=true}.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "civil-safety.demo-data.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {
    /** Every demo user's password; documented in the README. */
    public static final String DEMO_PASSWORD = "demo123";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final RegionRepository regions;
    private final InstitutionRepository institutions;
    private final PersonRepository people;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    public DemoDataLoader(RegionRepository regions, InstitutionRepository institutions, PersonRepository people,
                          PasswordEncoder passwordEncoder, Clock clock) {
        this.regions = regions;
        this.institutions = institutions;
        this.people = people;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (regions.count() > 0) {
            log.info("Demo data not loaded: the database already has regions");
            return;
        }
        Instant now = clock.instant();
        String password = passwordEncoder.encode(DEMO_PASSWORD);
        Region province = regions.save(new Region(DemoCounty.PROVINCE_CODE, DemoCounty.PROVINCE, RegionLevel.PROVINCE, null));
        Region city = regions.save(new Region(DemoCounty.CITY_CODE, DemoCounty.CITY, RegionLevel.CITY, province));
        Region county = regions.save(new Region(DemoCounty.COUNTY_CODE, DemoCounty.COUNTY, RegionLevel.COUNTY, city));

        List<Person> countyStaff = DemoCounty.COUNTY_STAFF.stream().map(s -> people.save(new Person(s.get(0), s.get(1),
                null, password, county, null, Set.of(Role.ofCode(s.get(2))), now).worksIn(s.size() > 3 ? s.get(3) : null))).toList();
        DemoCounty.ENGAGED.forEach(s -> people.save(new Person(s.get(0), s.get(1), null, password, county, null,
                Set.of(Role.ofCode(s.get(2))), now).actingFor(s.get(3))));
        List<Person> sectionCadres = countyStaff.stream().filter(p -> p.getRoles().contains(Role.BUREAU_SECTION)).toList();

        int serial = 0;
        for (int t = 0; t < DemoCounty.TOWNSHIPS.size(); t++) {
            DemoCounty.Township township = DemoCounty.TOWNSHIPS.get(t);
            Region region = regions.save(new Region(township.code(), township.name(), RegionLevel.TOWNSHIP, county));
            people.save(new Person("town" + (t + 1), township.officer(), phone(1000 + t), password, region, null,
                    Set.of(Role.TOWNSHIP_OFFICER), now));
            for (DemoCounty.Place place : DemoCounty.PLACES.get(t)) {
                serial++;
                Institution institution = new Institution("JG%03d".formatted(serial), place.name(), place.type(), region,
                        DemoCounty.COUNTY + township.name() + (serial % 9 + 1) + "号", place.capacity() == 0 ? null : place.capacity(), now);
                institution.assignPrincipal(name(serial), phone(2000 + serial));
                institution.assignSafetyOfficer(name(serial + 3), phone(3000 + serial));
                institution.assignCadre(sectionCadres.get(serial % sectionCadres.size()).getId());
                institutions.save(institution);
                people.save(new Person("inst%03d".formatted(serial), institution.getPrincipalName(), institution.getPrincipalPhone(),
                        password, region, institution.getId(), Set.of(Role.INSTITUTION_MANAGER), now));
            }
        }
        log.info("Demo data loaded: {} townships, {} institutions, {} people (password '{}')",
                DemoCounty.TOWNSHIPS.size(), serial, people.count(), DEMO_PASSWORD);
    }

    private static String name(int n) {
        return DemoCounty.SURNAMES.get(n % DemoCounty.SURNAMES.size()) + DemoCounty.GIVEN.get((n / 3) % DemoCounty.GIVEN.size());
    }

    private static String phone(int n) {
        return "1390000%04d".formatted(n);
    }
}
