package com.civilsafety.api.security;

import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.campaign.BureauSections;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is, as the API sees them: roles and data scope (for the UI's menus and the tests), and, in a web UI
 * session, the CSRF token its changes must carry (none for bearer tokens or HTTP Basic); for a bureau section's
 * person, his section and what is wrong with it ({@code sectionProblem}: none set, or one not configured).
 */
@RestController
class MeController {
    private final BureauSections sections;

    MeController(BureauSections sections) {
        this.sections = sections;
    }

    record Me(Long personId, String username, String displayName, List<String> roles, String regionPath,
              Long institutionId, String section, String sectionProblem, String csrfHeader, String csrfToken) {
    }

    @GetMapping("/api/me")
    Me get(@AuthenticationPrincipal ActorUser user, CsrfToken csrf, HttpServletRequest request) {
        // only a session's changes need the token; reading it would start a session for a Basic or bearer caller
        return me(user, request.getSession(false) == null ? null : csrf, sections);
    }

    static Me me(ActorUser user, CsrfToken csrf, BureauSections sections) {
        var actor = user.actor();
        return new Me(actor.personId(), actor.username(), actor.displayName(),
                actor.roles().stream().map(Role::code).sorted().toList(), actor.regionPath(), actor.institutionId(),
                actor.section(), sections.problemOf(actor.hasRole(Role.BUREAU_SECTION), actor.section()),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }
}
