package com.civilsafety.api.helpvisit;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.helpvisit.HelpVisit;
import com.civilsafety.ledger.helpvisit.HelpVisitReport;
import com.civilsafety.ledger.helpvisit.HelpVisits;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 帮扶指导: recorded by the bureau, townships and inspectors for an institution in their scope. */
@RestController
class HelpVisitController {
    private final HelpVisits visits;

    HelpVisitController(HelpVisits visits) {
        this.visits = visits;
    }

    @PostMapping("/api/help-visits")
    ResponseEntity<HelpVisit> record(@Valid @RequestBody HelpVisitReport report, @AuthenticationPrincipal ActorUser user) {
        HelpVisit visit = visits.record(report, user.actor());
        return ResponseEntity.created(URI.create("/api/institutions/" + visit.getInstitutionId() + "/help-visits")).body(visit);
    }

    @GetMapping("/api/institutions/{id}/help-visits")
    List<HelpVisit> ofInstitution(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return visits.ofInstitution(id, user.actor());
    }
}
