package com.civilsafety.api.institution;

import com.civilsafety.api.common.PageOf;
import com.civilsafety.api.common.Paging;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionService;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.people.Person;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/institutions")
class InstitutionController {
    private final InstitutionService institutions;

    InstitutionController(InstitutionService institutions) {
        this.institutions = institutions;
    }

    record InstitutionSummary(long id, String code, String name, String type, String typeLabel, String township,
                              Integer capacity, String principalName, String status, boolean zeroReportFlagged) {
        static InstitutionSummary of(Institution i) {
            return new InstitutionSummary(i.getId(), i.getCode(), i.getName(), i.getType().name(), i.getType().label(),
                    i.getRegion().getName(), i.getCapacity(), i.getPrincipalName(), i.getStatus().name(),
                    i.isZeroReportFlagged());
        }
    }

    record Contact(String name, String phone, String username) {
        static Contact of(Person p) {
            return p == null ? null : new Contact(p.getDisplayName(), p.getPhone(), p.getUsername());
        }
    }

    record InstitutionDetails(InstitutionSummary summary, String address, long regionId, String principalPhone,
                              String safetyOfficerName, String safetyOfficerPhone, Contact cadre, List<Contact> staff,
                              int zeroReportStreak) {
    }

    /** The institutions in the caller's data scope, optionally of a region subtree, a type, a name containing text. */
    @GetMapping
    PageOf<InstitutionSummary> list(@RequestParam(required = false) Long regionId,
                                    @RequestParam(required = false) InstitutionType type,
                                    @RequestParam(required = false) String name,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                    @AuthenticationPrincipal ActorUser user) {
        return PageOf.of(institutions.listInScope(user.actor(), regionId, type, name, Paging.of(page, size)),
                InstitutionSummary::of);
    }

    /** 机构详情: contacts, the people with accounts, the 包保 cadre. */
    @GetMapping("/{id}")
    InstitutionDetails get(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        var profile = institutions.profile(id, user.actor());
        Institution i = profile.institution();
        return new InstitutionDetails(InstitutionSummary.of(i), i.getAddress(), i.getRegion().getId(),
                i.getPrincipalPhone(), i.getSafetyOfficerName(), i.getSafetyOfficerPhone(), Contact.of(profile.cadre()),
                profile.staff().stream().map(Contact::of).toList(), i.getZeroReportStreak());
    }
}
