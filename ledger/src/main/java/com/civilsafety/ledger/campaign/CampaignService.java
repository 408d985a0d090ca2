package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns and their schedules: created from a template or from scratch, checked before anything is stored. */
@Service
public class CampaignService {
    public static final String SUBJECT = "CAMPAIGN";

    private final CampaignRepository campaigns;
    private final CampaignPhaseRepository phases;
    private final CampaignDeliverableRepository deliverables;
    private final RegionRepository regions;
    private final EventLog eventLog;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CampaignPhaseRepository phases, CampaignDeliverableRepository deliverables,
                    RegionRepository regions, EventLog eventLog, Clock clock) {
        this.campaigns = campaigns;
        this.phases = phases;
        this.deliverables = deliverables;
        this.regions = regions;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** A template's plan for a year, scoped to the actor's own region unless regions are given. */
    @Transactional(readOnly = true)
    public CampaignPlan planFromTemplate(CampaignTemplate template, int year, Actor actor) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "年份须在 2000 到 2100 之间");
        }
        Region own = regions.findByPath(actor.regionPath())
                .orElseThrow(() -> new InvalidInputException("regionIds", "您的账号没有所属区划，无法确定排查范围"));
        return template.plan(year, own.getName() + "民政局", List.of(own.getId()));
    }

    @Transactional
    public CampaignView create(CampaignPlan plan, Actor actor) {
        if (!actor.hasRole(Role.BUREAU_ADMIN) && !actor.hasRole(Role.BUREAU_SECTION)) {
            throw new ForbiddenException("只有县局管理员或业务股室可以部署专项行动");
        }
        List<Region> scope = checkScope(plan.regionIds(), actor);
        checkSchedule(plan);
        Campaign campaign = campaigns.save(new Campaign(plan, actor.personId(), clock.instant()));
        List<CampaignPlan.Phase> ordered = plan.phases().stream().sorted(Comparator.comparing(CampaignPlan.Phase::startsOn)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            phases.save(new CampaignPhase(campaign.getId(), i + 1, ordered.get(i)));
        }
        if (plan.deliverables() != null) {
            plan.deliverables().forEach(d -> deliverables.save(new CampaignDeliverable(campaign.getId(), d)));
        }
        eventLog.append(EventType.CAMPAIGN_CREATED, SUBJECT, campaign.getId(), actor, null,
                Map.of("name", campaign.getName(), "template", String.valueOf(plan.templateCode())));
        return view(campaign, scope);
    }

    /** The campaigns whose scope meets the actor's, newest first. */
    @Transactional(readOnly = true)
    public List<CampaignView> list(Actor actor) {
        return campaigns.findAllByOrderByIdDesc().stream().map(c -> view(c, regions.findAllById(c.getRegionIds())))
                .filter(v -> visible(v, actor)).toList();
    }

    @Transactional(readOnly = true)
    public CampaignView get(long id, Actor actor) {
        return campaigns.findById(id).map(c -> view(c, regions.findAllById(c.getRegionIds()))).filter(v -> visible(v, actor))
                .orElseThrow(() -> new NotFoundException("专项行动不存在：" + id));
    }

    private CampaignView view(Campaign campaign, List<Region> scope) {
        return new CampaignView(campaign, scope.stream().sorted(Comparator.comparing(Region::getCode)).toList(),
                phases.findByCampaignIdOrderByOrdinal(campaign.getId()),
                deliverables.findByCampaignIdOrderByDueOn(campaign.getId()));
    }

    /** In scope when a campaign region lies within the actor's region, or the actor's region within it. */
    private static boolean visible(CampaignView view, Actor actor) {
        return view.regions().stream().anyMatch(r -> r.getPath().startsWith(actor.regionPath())
                || actor.regionPath().startsWith(r.getPath()));
    }

    private List<Region> checkScope(List<Long> regionIds, Actor actor) {
        List<Region> scope = regions.findAllById(regionIds);
        for (Long id : regionIds) {
            Region region = scope.stream().filter(r -> r.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("regionIds", "区划不存在：" + id));
            if (!region.getPath().startsWith(actor.regionPath())) {
                throw new InvalidInputException("regionIds", "排查范围超出您的辖区：" + region.getName());
            }
        }
        return scope;
    }

    /** Each phase ends on or after it starts; phases do not overlap; deliverables fall within the campaign. */
    private static void checkSchedule(CampaignPlan plan) {
        for (int i = 0; i < plan.phases().size(); i++) {
            CampaignPlan.Phase phase = plan.phases().get(i);
            if (phase.endsOn().isBefore(phase.startsOn())) {
                throw new InvalidInputException("phases[" + i + "].endsOn", "阶段结束日期早于开始日期");
            }
        }
        List<CampaignPlan.Phase> ordered = plan.phases().stream().sorted(Comparator.comparing(CampaignPlan.Phase::startsOn)).toList();
        for (int i = 1; i < ordered.size(); i++) {
            if (!ordered.get(i).startsOn().isAfter(ordered.get(i - 1).endsOn())) {
                throw new InvalidInputException("phases[" + plan.phases().indexOf(ordered.get(i)) + "].startsOn",
                        "阶段「" + label(ordered.get(i)) + "」与「" + label(ordered.get(i - 1)) + "」时间重叠");
            }
        }
        LocalDate first = ordered.getFirst().startsOn();
        LocalDate last = ordered.getLast().endsOn();
        if (plan.deliverables() != null) {
            for (int i = 0; i < plan.deliverables().size(); i++) {
                LocalDate due = plan.deliverables().get(i).dueOn();
                if (due.isBefore(first) || due.isAfter(last)) {
                    throw new InvalidInputException("deliverables[" + i + "].dueOn", "截止日期须在行动期内（" + first + " 至 " + last + "）");
                }
            }
        }
    }

    private static String label(CampaignPlan.Phase phase) {
        return phase.name() == null || phase.name().isBlank() ? phase.kind().label() : phase.name();
    }
}
