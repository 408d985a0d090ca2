package com.civilsafety.api.campaign;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.campaign.CampaignPlan;
import com.civilsafety.ledger.campaign.CampaignService;
import com.civilsafety.ledger.campaign.CampaignTemplate;
import com.civilsafety.ledger.campaign.CampaignView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 专项行动: the seed plans as templates, campaigns created from them or from scratch, their schedules. */
@RestController
class CampaignController {
    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    record Template(String code, String label, CampaignPlan plan) {
    }

    record FromTemplate(@NotNull(message = "必须选择模板") CampaignTemplate templateCode,
                        @NotNull(message = "必须填写年份") Integer year,
                        @Size(max = 128, message = "行动名称不能超过128字") String name) {
    }

    /** The templates with their schedule for a year, scoped to the caller's region. */
    @GetMapping("/api/campaign-templates")
    List<Template> templates(@RequestParam int year, @AuthenticationPrincipal ActorUser user) {
        return Arrays.stream(CampaignTemplate.values())
                .map(t -> new Template(t.name(), t.label(), campaigns.planFromTemplate(t, year, user.actor()))).toList();
    }

    @PostMapping("/api/campaigns")
    ResponseEntity<CampaignDetails> create(@Valid @RequestBody CampaignPlan plan, @AuthenticationPrincipal ActorUser user) {
        return created(campaigns.create(plan, user.actor()));
    }

    /** 按模板部署: the template's schedule for the year, over the caller's region and every institution type. */
    @PostMapping("/api/campaigns/from-template")
    ResponseEntity<CampaignDetails> createFromTemplate(@Valid @RequestBody FromTemplate request,
                                                       @AuthenticationPrincipal ActorUser user) {
        CampaignPlan plan = campaigns.planFromTemplate(request.templateCode(), request.year(), user.actor());
        if (request.name() != null && !request.name().isBlank()) {
            plan = new CampaignPlan(request.name(), plan.templateCode(), plan.leadOrganisation(), plan.responsibleSections(),
                    plan.regionIds(), plan.institutionTypes(), plan.phases(), plan.deliverables());
        }
        return created(campaigns.create(plan, user.actor()));
    }

    @GetMapping("/api/campaigns")
    List<CampaignDetails> list(@AuthenticationPrincipal ActorUser user) {
        return campaigns.list(user.actor()).stream().map(CampaignDetails::of).toList();
    }

    @GetMapping("/api/campaigns/{id}")
    CampaignDetails get(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return CampaignDetails.of(campaigns.get(id, user.actor()));
    }

    private static ResponseEntity<CampaignDetails> created(CampaignView view) {
        return ResponseEntity.created(URI.create("/api/campaigns/" + view.campaign().getId())).body(CampaignDetails.of(view));
    }
}
