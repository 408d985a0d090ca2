package com.civilsafety.api.institution;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.api.common.PageOf;
import com.civilsafety.api.common.Paging;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
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

    /** The institutions in the caller's data scope. */
    @GetMapping
    PageOf<InstitutionSummary> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                    @AuthenticationPrincipal ActorUser user) {
        return PageOf.of(institutions.listInScope(user.actor(), Paging.of(page, size)), InstitutionSummary::of);
    }
}
