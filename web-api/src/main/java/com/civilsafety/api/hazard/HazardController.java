package com.civilsafety.api.hazard;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.api.common.PageOf;
import com.civilsafety.api.common.Paging;
import com.civilsafety.engine.hazard.ExtensionRequests;
import com.civilsafety.engine.hazard.HazardIntake;
import com.civilsafety.ledger.hazard.ExtensionRequest;
import com.civilsafety.ledger.hazard.HazardQuery;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.HazardList;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.whistleblower.Whistleblowers;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/hazards")
class HazardController {
    private final HazardIntake intake;
    private final HazardService hazards;
    private final ExtensionRequests extensions;
    private final HazardList list;
    private final Whistleblowers whistleblowers;

    HazardController(HazardIntake intake, HazardService hazards, ExtensionRequests extensions, HazardList list,
                     Whistleblowers whistleblowers) {
        this.whistleblowers = whistleblowers;
        this.intake = intake;
        this.hazards = hazards;
        this.extensions = extensions;
        this.list = list;
    }

    /** 上报隐患: records it and starts its rectification process. */
    @PostMapping
    ResponseEntity<HazardDetails> report(@Valid @RequestBody HazardReport report, @AuthenticationPrincipal ActorUser user) {
        Hazard hazard = intake.report(report, user.actor());
        HazardDetails details = HazardDetails.of(hazards.view(hazard.getId(), user.actor()));
        return ResponseEntity.created(URI.create("/api/hazards/" + hazard.getId())).body(details);
    }

    /** 隐患台账: the hazards in the caller's scope, filtered, newest found first. */
    @GetMapping
    PageOf<HazardSummary> list(@ModelAttribute HazardQuery query,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                               @AuthenticationPrincipal ActorUser user) {
        return PageOf.of(hazards.search(query, user.actor(), Paging.of(page, size)), HazardSummary::of);
    }

    /** The hazards the same filters select, counted per status and grade (the dashboard's charts): one query, not one per slice. */
    @GetMapping("/counts")
    HazardList.Counts counts(@ModelAttribute HazardQuery query, @AuthenticationPrincipal ActorUser user) {
        return list.counts(query, user.actor());
    }

    /** 延期申请 by the institution while it rectifies; the bureau decides in its inbox. */
    @PostMapping("/{id}/extension-requests")
    ResponseEntity<HazardDetails> requestExtension(@PathVariable long id, @Valid @RequestBody ExtensionRequest request,
                                                   @AuthenticationPrincipal ActorUser user) {
        extensions.request(id, request, user.actor());
        return ResponseEntity.status(201).body(HazardDetails.of(hazards.view(id, user.actor())));
    }

    /**
     * A hazard with its status history, rectifications, verifications and tasks; filed from a whistleblower's report,
     * the report as its reporter wrote it (for staff).
     */
    @GetMapping("/{id}")
    HazardDetails get(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        HazardDetails details = HazardDetails.of(hazards.view(id, user.actor()));
        return whistleblowers.ofHazard(id, user.actor()).map(details::withReport).orElse(details);
    }
}
