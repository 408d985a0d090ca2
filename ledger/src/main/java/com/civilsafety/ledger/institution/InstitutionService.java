package com.civilsafety.ledger.institution;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.people.PersonRepository;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supervised institutions as a caller may see them: within their region, or only their own. */
@Service
public class InstitutionService {
    private final InstitutionRepository institutions;
    private final RegionRepository regions;
    private final PersonRepository people;

    public InstitutionService(InstitutionRepository institutions, RegionRepository regions, PersonRepository people) {
        this.institutions = institutions;
        this.regions = regions;
        this.people = people;
    }

    /** The institutions of a region subtree within the caller's scope, of a type, with a name containing a text. */
    @Transactional(readOnly = true)
    public Page<Institution> listInScope(Actor actor, Long regionId, InstitutionType type, String name,
                                         Pageable pageable) {
        String regionPath = actor.regionPath();
        if (regionId != null) {
            String asked = regions.findById(regionId).map(Region::getPath)
                    .orElseThrow(() -> new InvalidInputException("regionId", "没有编号为 " + regionId + " 的行政区划"));
            if (!asked.startsWith(regionPath) && !regionPath.startsWith(asked)) {
                return Page.empty(pageable); // a region outside the caller's scope holds nothing they may see
            }
            regionPath = asked.length() > regionPath.length() ? asked : regionPath;
        }
        String namePart = name == null || name.isBlank() ? null : name.strip();
        return institutions.findInScope(regionPath, actor.institutionId(), type, namePart, pageable);
    }

    /** One institution with its people and 包保 cadre, if the caller's scope covers it (else: not found). */
    @Transactional(readOnly = true)
    public InstitutionProfile profile(long id, Actor actor) {
        Institution institution = institutions.findById(id)
                .filter(i -> actor.covers(i.getRegion().getPath(), i.getId()))
                .orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的机构"));
        Person cadre = institution.getCadreId() == null ? null : people.findById(institution.getCadreId()).orElse(null);
        return new InstitutionProfile(institution, cadre, people.findByInstitutionIdOrderById(id));
    }
}
