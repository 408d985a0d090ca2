package com.civilsafety.api.institution;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionService;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
                              Integer capacity, String principalName, String status) {
        static InstitutionSummary of(Institution i) {
            return new InstitutionSummary(i.getId(), i.getCode(), i.getName(), i.getType().name(), i.getType().label(),
                    i.getRegion().getName(), i.getCapacity(), i.getPrincipalName(), i.getStatus().name());
        }
    }

    record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    /** The institutions in the caller's data scope. */
    @GetMapping
    PageOf<InstitutionSummary> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                    @AuthenticationPrincipal ActorUser user) {
        if (page < 0) {
            throw new InvalidInputException("page", "页码不能为负数");
        }
        if (size < 1 || size > 200) {
            throw new InvalidInputException("size", "每页条数须在 1 到 200 之间");
        }
        Page<Institution> result = institutions.listInScope(user.actor(), PageRequest.of(page, size));
        return new PageOf<>(result.map(InstitutionSummary::of).getContent(), page, size, result.getTotalElements());
    }
}
