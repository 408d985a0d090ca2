package com.civilsafety.api.security;

import com.civilsafety.ledger.access.Role;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the API sees them: roles and data scope (for the UI's menus and the tests). */
@RestController
class MeController {

    record Me(Long personId, String username, String displayName, List<String> roles, String regionPath,
              Long institutionId) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal ActorUser user) {
        var actor = user.actor();
        return new Me(actor.personId(), actor.username(), actor.displayName(),
                actor.roles().stream().map(Role::code).sorted().toList(), actor.regionPath(), actor.institutionId());
    }
}
