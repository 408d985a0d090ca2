package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.criterion.HazardCriterionRepository;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hazard record as people and campaigns meet it: reports (by hand, found in campaign work, a rebound found by
 * 督导回头看), extension requests, the ledger searched and one hazard's file. The steps of a hazard's rectification
 * loop are recorded by {@link RectificationLoop}.
 */
@Service
public class HazardService {
    public static final String SUBJECT = "HAZARD";
    private static final Set<Role> REPORTERS = EnumSet.of(Role.INSPECTOR, Role.TOWNSHIP_OFFICER,
            Role.INSTITUTION_MANAGER, Role.BUREAU_SECTION, Role.BUREAU_ADMIN, Role.LEADER, Role.EXPERT, Role.THIRD_PARTY);

    private final HazardRepository hazards;
    private final HazardStatusChangeRepository statusChanges;
    private final HazardRectificationRepository rectifications;
    private final HazardVerificationRepository verifications;
    private final HazardEscalationRepository escalations;
    private final HazardExtensionRepository extensions;
    private final InstitutionRepository institutions;
    private final RegionRepository regions;
    private final HazardCriterionRepository criteria;
    private final InboxService inbox;
    private final HazardHistory history;
    private final EventLog eventLog;
    private final Clock clock;

    HazardService(HazardRepository hazards, HazardStatusChangeRepository statusChanges,
                  HazardRectificationRepository rectifications, HazardVerificationRepository verifications,
                  HazardEscalationRepository escalations, HazardExtensionRepository extensions,
                  InstitutionRepository institutions, RegionRepository regions, HazardCriterionRepository criteria,
                  InboxService inbox, HazardHistory history, EventLog eventLog, Clock clock) {
        this.hazards = hazards;
        this.statusChanges = statusChanges;
        this.rectifications = rectifications;
        this.verifications = verifications;
        this.escalations = escalations;
        this.extensions = extensions;
        this.institutions = institutions;
        this.regions = regions;
        this.criteria = criteria;
        this.inbox = inbox;
        this.history = history;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    private record Checked(Institution institution, HazardCriterion criterion) {
    }

    /** Whether a report may be recorded as it is: the rules of {@link #report}, checked without storing anything. */
    Checked check(HazardReport report, Actor actor) {
        if (REPORTERS.stream().noneMatch(actor::hasRole)) {
            throw new ForbiddenException("您的角色不能上报隐患");
        }
        // what an expert or a third party finds is counted as theirs (专家诊断, 第三方评估): signed by who found it
        HazardSource own = actor.hasRole(Role.EXPERT) ? HazardSource.EXPERT : actor.hasRole(Role.THIRD_PARTY) ? HazardSource.THIRD_PARTY : null;
        if (own != null && report.source() != own) {
            throw new InvalidInputException("source", "您上报的隐患发现方式应为「" + own.label() + "」");
        }
        Institution institution = institutions.findById(report.institutionId())
                .filter(i -> actor.covers(i.getRegion().getPath(), i.getId()))
                .orElseThrow(() -> new InvalidInputException("institutionId", "机构不存在或不在您的辖区内：" + report.institutionId()));
        HazardCriterion criterion = criteria.findByCode(report.criterionCode().strip())
                .filter(c -> c.appliesTo(institution.getType()))
                .orElseThrow(() -> new InvalidInputException("criterionCode", "判定依据不存在或不适用于"
                        + institution.getType().label() + "：" + report.criterionCode()));
        if (report.foundOn().isAfter(LedgerTime.today(clock))) {
            throw new InvalidInputException("foundOn", "发现日期不能晚于今天");
        }
        boolean fixedOnSite = Boolean.TRUE.equals(report.fixedOnSite());
        if (fixedOnSite && criterion.isMajor()) {
            throw new InvalidInputException("fixedOnSite", "重大事故隐患须挂牌督办整改，不能立查立改");
        }
        if (fixedOnSite && (report.onSiteMeasures() == null || report.onSiteMeasures().isBlank())) {
            throw new InvalidInputException("onSiteMeasures", "立查立改时必须写明现场整改情况");
        }
        return new Checked(institution, criterion);
    }

    /** Records a hazard someone found. The rectification process is started by the caller once this has committed. */
    @Transactional
    public Hazard report(HazardReport report, Actor actor) {
        Checked checked = check(report, actor);
        Institution institution = checked.institution();
        HazardCriterion criterion = checked.criterion();
        Instant now = clock.instant();
        boolean fixedOnSite = Boolean.TRUE.equals(report.fixedOnSite());
        Hazard hazard = hazards.saveAndFlush(new Hazard(institution, criterion, Boolean.TRUE.equals(report.residentsExposed()),
                fixedOnSite, report.description().strip(), report.location(), report.source(), report.foundOn(),
                actor.personId(), now));
        hazard.assignCode();
        history.record(hazard, null, actor, null, fixedOnSite ? "上报隐患，已立查立改" : "上报隐患");
        if (fixedOnSite) {
            rectifications.save(new HazardRectification(hazard.getId(), null, new RectificationReport(report.onSiteMeasures(),
                    actor.displayName(), null, report.foundOn(), null), actor.personId(), now));
        }
        eventLog.append(EventType.HAZARD_REPORTED, SUBJECT, hazard.getId(), actor, null, report);
        return hazard;
    }

    /**
     * Records a hazard found in campaign work (a self-check's 否 item, an inspection finding) within the caller's
     * transaction. It is marked as awaiting its loop; after the commit the loop is started by whoever
     * {@link RectificationLoop#claimProcessStart claims} it: the committing side at once, a sweep for those left waiting (the engine
     * was away).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Hazard reportFound(HazardReport report, long campaignId, Actor actor) {
        Hazard hazard = report(report, actor);
        hazard.foundInCampaign(campaignId);
        return hazard;
    }

    /**
     * Records a hazard that starts its loop once the caller's transaction has committed (a substantiated
     * whistleblower report): the caller publishes {@link HazardsFound} with it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Hazard reportAwaitingLoop(HazardReport report, Actor actor) {
        Hazard hazard = report(report, actor);
        hazard.awaitLoop();
        return hazard;
    }

    /** A 督导回头看 found a closed hazard back: a new case linked to it, awaiting its loop like {@link #reportFound}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Hazard reportRebound(long closedHazardId, String findings, long campaignId, Actor actor) {
        Hazard closed = hazards.require(closedHazardId);
        Hazard reopened = hazards.saveAndFlush(new Hazard(closed.getInstitution(), closed.getCriterion(),
                closed.isResidentsExposed(), false, "【督导回头看反弹】" + findings, closed.getLocation(),
                HazardSource.SUPERVISION, LedgerTime.today(clock), actor.personId(), clock.instant()));
        reopened.assignCode();
        reopened.reopens(closed);
        reopened.foundInCampaign(campaignId);
        history.record(reopened, null, actor, null, "督导回头看发现 " + closed.getCode() + " 反弹，重新立案");
        history.note(closed, actor, null, "督导回头看发现反弹，重新立案为 " + reopened.getCode());
        eventLog.append(EventType.HAZARD_REPORTED, SUBJECT, reopened.getId(), actor, null,
                Map.of("reopenedFrom", closed.getId(), "findings", findings));
        return reopened;
    }

    @Transactional(readOnly = true)
    public CampaignHazardFigures campaignFigures(long campaignId) {
        return new CampaignHazardFigures(hazards.countByCampaignId(campaignId),
                hazards.countByCampaignIdAndGrade(campaignId, HazardGrade.MAJOR),
                hazards.countByCampaignIdAndStatus(campaignId, HazardStatus.CLOSED),
                hazards.countOverdue(campaignId, HazardStatus.CLOSED, LedgerTime.today(clock)));
    }

    /** The closed hazards of a campaign's scope, closed since a date: what 督导回头看 samples from. */
    @Transactional(readOnly = true)
    public List<Hazard> closedSince(String regionPath, Instant since) {
        return hazards.findClosedSince(HazardStatus.CLOSED, regionPath, since);
    }

    /** 延期申请: recorded, then the rectification wait hears of it (the caller publishes the message before the commit). */
    @Transactional
    public HazardExtension requestExtension(long hazardId, ExtensionRequest request, Actor actor) {
        Hazard hazard = visible(hazardId, actor);
        if (!actor.hasRole(Role.INSTITUTION_MANAGER) || !hazard.getInstitution().getId().equals(actor.institutionId())) {
            throw new ForbiddenException("只有本机构负责人可以申请延期");
        }
        if (hazard.getStatus() != HazardStatus.RECTIFYING) {
            throw new ConflictException("隐患当前为「" + hazard.getStatus().label() + "」，只有整改中的隐患可以申请延期");
        }
        if (extensions.findFirstByHazardIdAndStatusOrderByIdDesc(hazardId, HazardExtension.Status.PENDING).isPresent()) {
            throw new ConflictException("已有待审批的延期申请");
        }
        if (!request.requestedDeadline().isAfter(hazard.getRectificationDeadline())) {
            throw new InvalidInputException("requestedDeadline", "申请延长至的日期必须晚于现整改时限 " + hazard.getRectificationDeadline());
        }
        if (!request.requestedDeadline().isAfter(LedgerTime.today(clock))) {
            throw new InvalidInputException("requestedDeadline", "申请延长至的日期必须晚于今天");
        }
        HazardExtension extension = extensions.save(new HazardExtension(hazardId, request, actor.personId(), clock.instant()));
        history.note(hazard, actor, null, "申请延期至 " + request.requestedDeadline() + "：" + request.reason());
        eventLog.append(EventType.HAZARD_EXTENSION_REQUESTED, SUBJECT, hazardId, actor, null, request);
        return extension;
    }

    /** The ledger as the actor may see it, filtered, newest found first. */
    @Transactional(readOnly = true)
    public Page<Hazard> search(HazardQuery query, Actor actor, Pageable pageable) {
        return hazards.findAll(filters(query, actor), PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Order.desc("foundOn"), Sort.Order.desc("id"))));
    }

    /**
     * The query within the actor's data scope, checked: a region asked for must be known; a narrower one than the
     * actor's narrows the scope, a wider one leaves it at the actor's own.
     */
    Specification<Hazard> filters(HazardQuery query, Actor actor) {
        if (query.foundFrom() != null && query.foundTo() != null && query.foundFrom().isAfter(query.foundTo())) {
            throw new InvalidInputException("foundFrom", "起始日期不能晚于截止日期");
        }
        if (query.keyword() != null && query.keyword().strip().length() > HazardQuery.MAX_KEYWORD) {
            throw new InvalidInputException("keyword", "关键词不能超过" + HazardQuery.MAX_KEYWORD + "字");
        }
        String regionPath = actor.regionPath();
        if (query.regionId() != null) {
            Region region = regions.findById(query.regionId())
                    .orElseThrow(() -> new InvalidInputException("regionId", "区划不存在：" + query.regionId()));
            if (region.getPath().startsWith(actor.regionPath())) {
                regionPath = region.getPath(); // narrower than the actor's scope
            } else if (!actor.regionPath().startsWith(region.getPath())) {
                throw new InvalidInputException("regionId", "区划不在您的辖区内：" + region.getName());
            } // a wider region than the actor's own: still only their scope
        }
        return HazardFilters.of(query, regionPath, actor.institutionId(), LedgerTime.today(clock));
    }

    @Transactional(readOnly = true)
    public HazardView view(long hazardId, Actor actor) {
        Hazard hazard = visible(hazardId, actor);
        return new HazardView(hazard, statusChanges.findByHazardIdOrderById(hazardId),
                rectifications.findByHazardIdOrderById(hazardId), verifications.findByHazardIdOrderById(hazardId),
                escalations.findByHazardIdOrderById(hazardId), extensions.findByHazardIdOrderById(hazardId),
                inbox.ofSubject(SUBJECT, hazardId));
    }

    /**
     * 定级依据: every grading decision taken for the hazard (a reopened hazard is graded again), oldest first, from the
     * event chain. A grading recorded before the inputs were kept shows its outcome alone.
     */
    @Transactional(readOnly = true)
    public List<GradingDecision> gradingDecisions(long hazardId, Actor actor) {
        visible(hazardId, actor);
        return eventLog.of(SUBJECT, hazardId).stream().filter(e -> e.getType() == EventType.HAZARD_GRADED).map(e -> {
            JsonNode payload = Json.read(e.getPayload(), JsonNode.class);
            boolean whole = payload.has("outputs");
            Grading outputs = Json.read((whole ? payload.get("outputs") : payload).toString(), Grading.class);
            GradingDecision.Inputs inputs = whole && payload.hasNonNull("inputs")
                    ? Json.read(payload.get("inputs").toString(), GradingDecision.Inputs.class) : null;
            return new GradingDecision(e.getOccurredAt(), inputs == null ? List.of() : inputs.facts(), outputs.rule(),
                    GradingDecision.outputs(outputs));
        }).toList();
    }

    /** A hazard in the actor's data scope; one outside it reads as not found (its existence is not revealed). */
    private Hazard visible(long hazardId, Actor actor) {
        return hazards.findById(hazardId).filter(h -> actor.covers(h.getRegion().getPath(), h.getInstitution().getId()))
                .orElseThrow(() -> new NotFoundException("隐患不存在：" + hazardId));
    }
}
