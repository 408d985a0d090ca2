package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inspection.InspectionDraw;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionStatus;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.people.PersonRepository;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the campaign models (Campaign, CampaignPhase, CampaignDeliverable), each recorded in the ledger. A
 * phase or deliverable fans its work out here, in one transaction with the job's record (docs/adr/0001): one row and
 * one inbox task per institution, township or sampled hazard, skipping those that already have theirs, so a step run
 * again opens nothing twice.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CampaignRun {
    /** Reminders of a phase go out this many days before its end, at the start of the working day. */
    static final List<Integer> PHASE_REMINDER_DAYS = List.of(7, 1);
    static final int DELIVERABLE_REMINDER_DAYS = 3;
    /** Whoever is asked to follow up on late submitters has this many days to report what they did. */
    static final int FOLLOW_UP_DAYS = 5;
    /** 督导回头看 re-checks this share of the hazards closed since the campaign began (at least one). */
    static final int RECHECK_SAMPLE_PERCENT = 20;
    /** 督导检查 visits this share of the institutions in scope (at least one), and every 长期零报告 one. */
    static final int SUPERVISION_VISIT_PERCENT = 10;

    private final CampaignRepository campaigns;
    private final CampaignPhaseRepository phases;
    private final CampaignDeliverableRepository deliverables;
    private final CampaignWorkRepository work;
    private final InstitutionRepository institutions;
    private final RegionRepository regions;
    private final PersonRepository people;
    private final HazardService hazards;
    private final InboxService inbox;
    private final CampaignDrafts drafts;
    private final EventLog eventLog;
    private final Clock clock;
    private final Random seeds = new SecureRandom();

    CampaignRun(CampaignRepository campaigns, CampaignPhaseRepository phases, CampaignDeliverableRepository deliverables,
                CampaignWorkRepository work, InstitutionRepository institutions, RegionRepository regions,
                PersonRepository people, HazardService hazards, InboxService inbox, CampaignDrafts drafts,
                EventLog eventLog, Clock clock) {
        this.campaigns = campaigns;
        this.phases = phases;
        this.deliverables = deliverables;
        this.work = work;
        this.institutions = institutions;
        this.regions = regions;
        this.people = people;
        this.hazards = hazards;
        this.inbox = inbox;
        this.drafts = drafts;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** Records the campaign's run as started and answers what it runs. */
    public CampaignSchedule loadSchedule(long campaignId, ProcessStep step) {
        campaigns.recordProcessInstance(campaignId, step.processInstanceKey());
        eventLog.append(EventType.CAMPAIGN_STARTED, CampaignService.SUBJECT, campaignId, Actor.SYSTEM, step, Map.of());
        List<CampaignPhase> schedule = phases.findByCampaignIdOrderByOrdinal(campaignId);
        return new CampaignSchedule(schedule.stream().map(CampaignPhase::getOrdinal).toList(),
                deliverables.findByCampaignIdOrderByDueOn(campaignId).stream().map(CampaignDeliverable::getId).toList(),
                MonthlyDispatch.periods(campaign(campaignId), schedule));
    }

    /**
     * The dates a phase waits on, read afresh each time, so that a rescheduled phase waits for its new dates. Read
     * under the campaign's lock: the change that sent the process here may not have committed yet (its message is
     * published before the commit), and holds that lock until it has.
     */
    public PhaseDates phaseDates(long campaignId, int ordinal) {
        campaign(campaignId);
        CampaignPhase phase = phase(campaignId, ordinal);
        Instant now = clock.instant();
        return new PhaseDates(LedgerTime.at(phase.getStartsOn(), LocalTime.MIDNIGHT),
                LedgerTime.at(phase.getEndsOn(), LedgerTime.LAST_SECOND),
                nextReminder(phase, now.isAfter(startOf(phase)) ? now : startOf(phase)));
    }

    /**
     * Opens the phase's work for everyone who owes it (nothing for a phase or campaign already ended); answers how
     * many pieces of work were opened.
     */
    public int openPhase(long campaignId, int ordinal, ProcessStep step) {
        Campaign campaign = campaign(campaignId);
        CampaignPhase phase = phase(campaignId, ordinal);
        if (!campaign.isActive() || phase.getStatus() == PhaseStatus.CLOSED) {
            return 0;
        }
        boolean drawn = phase.getKind().opens(TaskKind.INSPECTION) || phase.getKind().opens(TaskKind.SAMPLE_RECHECK);
        Long seed = phase.getDrawSeed() != null ? phase.getDrawSeed() : drawn ? Long.valueOf(seeds.nextLong()) : null;
        boolean first = phase.getStatus() != PhaseStatus.OPEN;
        phase.open(seed);
        List<Opened> opened = phase.getKind().work().stream().flatMap(kind -> (switch (kind) {
            case NOTICE, SELF_CHECK -> institutionWork(campaign, phase, kind);
            case INSPECTION -> inspections(campaign, phase, seed);
            case SAMPLE_RECHECK -> recheckSample(campaign, phase, seed);
            case SUPERVISION_VISIT -> supervisionVisits(campaign, phase, seed);
            default -> throw new IllegalStateException(kind + " is not phase work");
        }).stream()).toList();
        int count = save(campaign, phase.slot(), opened, step, w -> w.ofPhase(phase.getId()));
        if (!first && count == 0) {
            return 0; // opened before (a rebuilt instance runs the step again): nothing new to log
        }
        Map<String, Object> payload = new HashMap<>(Map.of("ordinal", ordinal, "kind", phase.getKind(), "opened", count));
        if (seed != null) {
            payload.put("drawSeed", seed);
        }
        eventLog.append(EventType.CAMPAIGN_PHASE_OPENED, CampaignService.SUBJECT, campaignId, Actor.SYSTEM, step, payload);
        return count;
    }

    /** Reminds everyone who has not yet submitted; returns the next reminder date (after the end when none is left). */
    public PhaseReminder remindPhase(long campaignId, int ordinal, OffsetDateTime remindedAt, ProcessStep step) {
        CampaignPhase phase = phase(campaignId, ordinal);
        int reminded = remind(campaignId, phase.slot(), false, step);
        return new PhaseReminder(reminded, nextReminder(phase, remindedAt.toInstant()));
    }

    /**
     * Ends a phase: what is still open is late (and may still come in, marked late); townships follow up on their late
     * institutions and the bureau on its late townships. After self-checks, 长期零报告 is counted. Answers how many
     * were late.
     */
    public int closePhase(long campaignId, int ordinal, ProcessStep step) {
        Campaign campaign = campaign(campaignId);
        CampaignPhase phase = phase(campaignId, ordinal);
        phase.close();
        int late = 0;
        if (!phase.getKind().work().isEmpty() && !phase.getKind().opens(TaskKind.NOTICE)) {
            late = escalateLate(campaign, phase.slot(), phase.getName(), null, step);
        }
        List<Long> flagged = phase.getKind().opens(TaskKind.SELF_CHECK)
                ? countZeroReports(campaign, phase.slot(), step) : List.of();
        eventLog.append(EventType.CAMPAIGN_PHASE_CLOSED, CampaignService.SUBJECT, campaignId, Actor.SYSTEM, step,
                Map.of("ordinal", ordinal, "late", late, "zeroReportFlagged", flagged));
        return late;
    }

    @Transactional(readOnly = true)
    public DeliverableDates deliverableDates(long deliverableId) {
        CampaignDeliverable deliverable = deliverable(deliverableId);
        LocalDate remindOn = deliverable.getDueOn().minusDays(DELIVERABLE_REMINDER_DAYS);
        if (remindOn.isBefore(deliverable.getOpensOn())) {
            remindOn = deliverable.getOpensOn();
        }
        return new DeliverableDates(LedgerTime.at(deliverable.getOpensOn(), LedgerTime.WORKDAY_START),
                LedgerTime.at(remindOn, LedgerTime.WORKDAY_START), LedgerTime.at(deliverable.getDueOn(), LedgerTime.LAST_SECOND));
    }

    /** Opens a deliverable to everyone who owes it; answers how many pieces of work were opened. */
    public int openDeliverable(long deliverableId, ProcessStep step) {
        CampaignDeliverable deliverable = deliverable(deliverableId);
        Campaign campaign = campaign(deliverable.getCampaignId());
        if (!campaign.isActive()) {
            return 0;
        }
        boolean first = deliverable.getStatus() != PhaseStatus.OPEN;
        deliverable.open();
        DeliverableKind kind = deliverable.getKind();
        String title = deliverable.getName() + "（" + deliverable.getDueOn() + " 前报送）";
        List<Opened> opened = switch (kind.audience()) {
            case REPORTING_UNITS -> reportingUnits(campaign).stream().map(u -> u.opened(new CampaignWork(campaign.getId(),
                    deliverable.slot(), TaskKind.DELIVERABLE, u.ownerKey(), u.region().getId(), u.institutionId(),
                    deliverable.getDueOn()), title, null)).toList();
            case BUREAU -> regions.findAllById(campaign.getRegionIds()).stream().map(r -> new Opened(new CampaignWork(
                    campaign.getId(), deliverable.slot(), TaskKind.DELIVERABLE, "R" + r.getId(), r.getId(), null,
                    deliverable.getDueOn()).drafted(kind.drafted() ? drafts.summary(campaign, deliverable, r) : null),
                    r, Role.BUREAU_SECTION, null, r.getName() + " " + title)).toList();
            case INSTITUTIONS -> scope(campaign).stream().map(i -> new Opened(new CampaignWork(campaign.getId(),
                    deliverable.slot(), kind.duty() ? TaskKind.DUTY_RECORD : TaskKind.DELIVERABLE, "I" + i.getId(),
                    i.getRegion().getId(), i.getId(), deliverable.getDueOn()), i.getRegion(), Role.INSTITUTION_MANAGER,
                    null, i.getName() + " " + title)).toList();
        };
        int count = save(campaign, deliverable.slot(), opened, step, w -> w.ofDeliverable(deliverableId));
        if (!first && count == 0) {
            return 0;
        }
        eventLog.append(EventType.CAMPAIGN_DELIVERABLE_OPENED, CampaignService.SUBJECT, campaign.getId(), Actor.SYSTEM,
                step, Map.of("deliverableId", deliverableId, "kind", kind, "opened", count));
        return count;
    }

    /** Reminds those who have not yet submitted a deliverable; answers how many. */
    public int remindDeliverable(long deliverableId, ProcessStep step) {
        CampaignDeliverable deliverable = deliverable(deliverableId);
        return remind(deliverable.getCampaignId(), deliverable.slot(), true, step);
    }

    /** A deliverable's due date passed: closes it and escalates those late; answers how many. */
    public int escalateDeliverable(long deliverableId, ProcessStep step) {
        CampaignDeliverable deliverable = deliverable(deliverableId);
        deliverable.close();
        return escalateLate(campaign(deliverable.getCampaignId()), deliverable.slot(), deliverable.getName(), null, step);
    }

    public void close(long campaignId, ProcessStep step) {
        Campaign campaign = campaign(campaignId);
        if (campaign.isActive()) {
            campaign.end(CampaignStatus.CLOSED, null);
            eventLog.append(EventType.CAMPAIGN_CLOSED, CampaignService.SUBJECT, campaignId, Actor.SYSTEM, step, Map.of());
        }
    }

    // ---- fan-out -------------------------------------------------------------------------------------------------

    /** Work to open, with its inbox task; due at the end of its due day unless {@code dueAt} says when. */
    record Opened(CampaignWork work, Region region, Role role, Long assigneeId, String title, Instant dueAt, String section) {
        Opened(CampaignWork work, Region region, Role role, Long assigneeId, String title) {
            this(work, region, role, assigneeId, title, null, null);
        }

        Opened(CampaignWork work, Region region, Role role, Long assigneeId, String title, Instant dueAt) {
            this(work, region, role, assigneeId, title, dueAt, null);
        }
    }

    private List<Opened> institutionWork(Campaign campaign, CampaignPhase phase, TaskKind kind) {
        return scope(campaign).stream().map(i -> new Opened(new CampaignWork(campaign.getId(), phase.slot(), kind,
                "I" + i.getId(), i.getRegion().getId(), i.getId(), phase.getEndsOn()), i.getRegion(),
                Role.INSTITUTION_MANAGER, null, i.getName() + " " + kind.label() + "（" + campaign.getName() + "）")).toList();
    }

    /**
     * 全覆盖 or 双随机: every institution, or the campaign's share of them drawn at random (those flagged 长期零报告
     * always among them), each given inspectors drawn from the pool, never its own 包保 cadre.
     */
    private List<Opened> inspections(Campaign campaign, CampaignPhase phase, long seed) {
        List<Institution> scope = scope(campaign);
        if (scope.isEmpty()) {
            return List.of();
        }
        List<Long> pool = inspectorPool(campaign);
        int perInstitution = Math.min(campaign.getInspectorsPerInstitution(), pool.size());
        List<InspectionDraw.Candidate> candidates = scope.stream()
                .map(i -> new InspectionDraw.Candidate(i.getId(), i.getCadreId())).toList();
        int count = campaign.getInspectionMode() == InspectionMode.FULL ? scope.size()
                : Math.max(1, (int) Math.ceil(scope.size() * campaign.getInspectionShare() / 100.0));
        List<InspectionDraw.Assignment> assignments = new ArrayList<>(
                InspectionDraw.draw(candidates, pool, count, Math.max(perInstitution, 1), seed));
        Set<Long> drawn = assignments.stream().map(InspectionDraw.Assignment::institutionId).collect(Collectors.toSet());
        List<InspectionDraw.Candidate> flaggedLeftOut = scope.stream()
                .filter(i -> i.isZeroReportFlagged() && !drawn.contains(i.getId()))
                .map(i -> new InspectionDraw.Candidate(i.getId(), i.getCadreId())).toList();
        if (!flaggedLeftOut.isEmpty()) {
            assignments.addAll(InspectionDraw.draw(flaggedLeftOut, pool, flaggedLeftOut.size(), Math.max(perInstitution, 1), seed + 1));
        }
        Map<Long, Institution> byId = scope.stream().collect(Collectors.toMap(Institution::getId, i -> i));
        String mode = campaign.isUnannounced() ? "（四不两直）" : "";
        return assignments.stream().map(a -> {
            Institution institution = byId.get(a.institutionId());
            // the team, the same whoever leads it: 检查组数 counts teams by this text
            String team = a.inspectorIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
            return new Opened(new CampaignWork(campaign.getId(), phase.slot(), TaskKind.INSPECTION, "I" + institution.getId(),
                    institution.getRegion().getId(), institution.getId(), phase.getEndsOn()).inspectedBy(team),
                    institution.getRegion(), Role.INSPECTOR, a.inspectorIds().getFirst(),
                    institution.getName() + " " + TaskKind.INSPECTION.label() + mode);
        }).toList();
    }

    /** 督导回头看: a random sample of the hazards in scope closed since the campaign was deployed. */
    private List<Opened> recheckSample(Campaign campaign, CampaignPhase phase, long seed) {
        List<Hazard> closed = new ArrayList<>();
        for (Region region : regions.findAllById(campaign.getRegionIds())) {
            hazards.closedSince(region.getPath(), campaign.getCreatedAt()).stream()
                    .filter(h -> campaign.getInstitutionTypes().contains(h.getInstitution().getType()))
                    .forEach(closed::add);
        }
        if (closed.isEmpty()) {
            return List.of();
        }
        closed.sort((a, b) -> Long.compare(a.getId(), b.getId()));
        Collections.shuffle(closed, new Random(seed));
        int size = Math.max(1, (int) Math.ceil(closed.size() * RECHECK_SAMPLE_PERCENT / 100.0));
        return closed.subList(0, size).stream().map(h -> new Opened(new CampaignWork(campaign.getId(), phase.slot(),
                TaskKind.SAMPLE_RECHECK, "H" + h.getId(), h.getRegion().getId(), h.getInstitution().getId(),
                phase.getEndsOn()).about(h.getId()), h.getRegion(), Role.BUREAU_SECTION, null,
                h.getCode() + " " + TaskKind.SAMPLE_RECHECK.label() + "：" + h.getInstitution().getName())).toList();
    }

    /**
     * 督导检查 by the bureau's work group: a random tenth of the institutions (at least one), and every institution
     * flagged 长期零报告; unannounced like the campaign's inspections.
     */
    private List<Opened> supervisionVisits(Campaign campaign, CampaignPhase phase, long seed) {
        List<Institution> scope = new ArrayList<>(scope(campaign));
        if (scope.isEmpty()) {
            return List.of();
        }
        Collections.shuffle(scope, new Random(seed + 2));
        int size = Math.max(1, (int) Math.ceil(scope.size() * SUPERVISION_VISIT_PERCENT / 100.0));
        Set<Institution> visited = new LinkedHashSet<>(scope.subList(0, size));
        scope.stream().filter(Institution::isZeroReportFlagged).forEach(visited::add);
        String mode = campaign.isUnannounced() ? "（四不两直）" : "";
        return visited.stream().map(i -> new Opened(new CampaignWork(campaign.getId(), phase.slot(), TaskKind.SUPERVISION_VISIT,
                "I" + i.getId(), i.getRegion().getId(), i.getId(), phase.getEndsOn()), i.getRegion(), Role.BUREAU_SECTION, null,
                i.getName() + " " + TaskKind.SUPERVISION_VISIT.label() + mode)).toList();
    }

    /** Stores the work not yet stored for this slot, with its tasks; returns how many were opened now. */
    int save(Campaign campaign, String slot, List<Opened> opened, ProcessStep step,
                     java.util.function.UnaryOperator<CampaignWork> link) {
        Set<String> existing = new HashSet<>(work.findOwnerKeys(campaign.getId(), slot));
        List<Opened> fresh = opened.stream().filter(o -> !existing.contains(o.work().getOwnerKey())).toList();
        Instant now = clock.instant();
        List<InboxTask> tasks = inbox.openAll(fresh.stream().map(o -> new InboxTask(o.work().getKind(),
                CampaignService.SUBJECT, campaign.getId(), o.title(), o.role(), o.region(), o.work().getInstitutionId(),
                o.dueAt() != null ? o.dueAt() : LedgerTime.endOf(o.work().getDueOn()), step.processInstanceKey(),
                step.elementId(), null, now)
                .assignTo(o.assigneeId()).forSection(o.section())).toList(), step, CampaignService.SUBJECT, campaign.getId());
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).work().attach(tasks.get(i).getId());
        }
        work.saveAll(fresh.stream().map(o -> link.apply(o.work())).toList());
        return fresh.size();
    }

    // ---- reminders and escalation --------------------------------------------------------------------------------

    /**
     * Reminds whoever has not yet submitted. A slot reminded {@code once} (a deliverable, a month's reports) skips work
     * reminded before, so a rebuilt instance whose reminder date has passed does not remind twice; a phase reminds on
     * each of its reminder dates.
     */
    int remind(long campaignId, String slot, boolean once, ProcessStep step) {
        if (!campaign(campaignId).isActive()) {
            return 0; // cancelled meanwhile: its work is withdrawn
        }
        List<CampaignWork> open = work.lockOpen(campaignId, slot).stream()
                .filter(w -> !once || w.getReminders() == 0).toList();
        open.forEach(CampaignWork::reminded);
        inbox.remindDue(open.stream().map(CampaignWork::getTaskId).toList());
        if (!open.isEmpty()) {
            eventLog.append(EventType.CAMPAIGN_REMINDED, CampaignService.SUBJECT, campaignId, Actor.SYSTEM, step,
                    Map.of("slot", slot, "reminded", open.size()));
        }
        return open.size();
    }

    /**
     * Marks what is still open late and asks for follow-up: each township about its late institutions, the bureau
     * section of each campaign region about the late townships and institutions in it — {@code section}'s people
     * alone when given (the units' dispatch reports are the consolidating section's to chase).
     */
    int escalateLate(Campaign campaign, String slot, String what, String section, ProcessStep step) {
        List<CampaignWork> open = campaign.isActive() ? work.lockOpen(campaign.getId(), slot) : List.of();
        if (open.isEmpty()) {
            return 0;
        }
        open.forEach(CampaignWork::markLate);
        LocalDate due = LedgerTime.today(clock).plusDays(FOLLOW_UP_DAYS);
        Map<Long, Region> regionsById = regions.findAllById(open.stream().map(CampaignWork::getRegionId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Region::getId, r -> r));
        List<Opened> followUps = new ArrayList<>();
        Map<Region, Long> lateByRegion = open.stream().collect(Collectors.groupingBy(w -> regionsById.get(w.getRegionId()),
                LinkedHashMap::new, Collectors.counting()));
        lateByRegion.forEach((region, count) -> {
            if (region.getLevel() == RegionLevel.TOWNSHIP && open.stream().anyMatch(w -> w.getInstitutionId() != null
                    && w.getRegionId().equals(region.getId()))) {
                followUps.add(new Opened(new CampaignWork(campaign.getId(), slot + "F", TaskKind.LATE_FOLLOW_UP,
                        "R" + region.getId(), region.getId(), null, due), region, Role.TOWNSHIP_OFFICER, null,
                        region.getName() + " 督促逾期未报：" + what + "（" + count + " 家）"));
            }
        });
        for (Region scope : regions.findAllById(campaign.getRegionIds())) {
            long count = open.stream().filter(w -> regionsById.get(w.getRegionId()).getPath().startsWith(scope.getPath())).count();
            if (count > 0) {
                followUps.add(new Opened(new CampaignWork(campaign.getId(), slot + "F", TaskKind.LATE_FOLLOW_UP,
                        "B" + scope.getId(), scope.getId(), null, due), scope, Role.BUREAU_SECTION, null,
                        scope.getName() + " 逾期未报督办：" + what + "（" + count + " 项）", null, section));
            }
        }
        save(campaign, slot + "F", followUps, step, w -> w);
        eventLog.append(EventType.CAMPAIGN_ESCALATED, CampaignService.SUBJECT, campaign.getId(), Actor.SYSTEM, step,
                Map.of("slot", slot, "late", open.size(), "followUps", followUps.size()));
        return open.size();
    }

    /** 长期零报告: counts each submitted self-check of the slot; returns the institutions newly flagged. */
    private List<Long> countZeroReports(Campaign campaign, String slot, ProcessStep step) {
        List<CampaignWork> submitted = work.findByCampaignIdAndSlotAndStatusOrderById(campaign.getId(), slot, WorkStatus.SUBMITTED);
        Map<Long, Institution> byId = institutions.findAllById(submitted.stream().map(CampaignWork::getInstitutionId).toList())
                .stream().collect(Collectors.toMap(Institution::getId, i -> i));
        List<Long> flagged = new ArrayList<>();
        for (CampaignWork selfCheck : submitted) {
            Institution institution = byId.get(selfCheck.getInstitutionId());
            if (institution.recordSelfCheck(selfCheck.getHazardsFound() == null ? 0 : selfCheck.getHazardsFound())) {
                flagged.add(institution.getId());
                eventLog.append(EventType.INSTITUTION_ZERO_REPORT_FLAGGED, "INSTITUTION", institution.getId(), Actor.SYSTEM,
                        step, Map.of("campaignId", campaign.getId(), "streak", institution.getZeroReportStreak()));
            }
        }
        return flagged;
    }

    // ---- scope and dates -----------------------------------------------------------------------------------------

    private List<Institution> scope(Campaign campaign) {
        List<Institution> all = new ArrayList<>();
        for (Region region : regions.findAllById(campaign.getRegionIds())) {
            all.addAll(institutions.findInCampaignScope(region.getPath(), campaign.getInstitutionTypes(), InstitutionStatus.OPERATING));
        }
        return all.stream().distinct().toList();
    }

    /**
     * Who reports to the bureau (各乡镇、各直属机构): each township of the campaign's regions, in code order, then each
     * institution in the campaign's scope that the bureau runs itself (registered at the county, not in a township).
     */
    List<ReportingUnit> reportingUnits(Campaign campaign) {
        List<ReportingUnit> units = new ArrayList<>(townships(campaign).stream().map(t -> new ReportingUnit(t, null)).toList());
        scope(campaign).stream().filter(ReportingUnit::directlyRun).forEach(i -> units.add(new ReportingUnit(i.getRegion(), i)));
        return units;
    }

    /** A township (its officers report), or a directly-run institution (its manager reports) with the county it is in. */
    record ReportingUnit(Region region, Institution institution) {
        static boolean directlyRun(Institution institution) {
            return institution.getRegion().getLevel() != RegionLevel.TOWNSHIP;
        }

        String ownerKey() {
            return institution == null ? "R" + region.getId() : "I" + institution.getId();
        }

        Long institutionId() {
            return institution == null ? null : institution.getId();
        }

        String name() {
            return institution == null ? region.getName() : institution.getName();
        }

        Opened opened(CampaignWork work, String what, Instant dueAt) {
            return new Opened(work, region, institution == null ? Role.TOWNSHIP_OFFICER : Role.INSTITUTION_MANAGER, null,
                    name() + " " + what, dueAt);
        }
    }

    private List<Region> townships(Campaign campaign) {
        List<Region> all = new ArrayList<>();
        for (Region region : regions.findAllById(campaign.getRegionIds())) {
            all.addAll(regions.findByPathStartingWithAndLevelOrderByCode(region.getPath(), RegionLevel.TOWNSHIP));
        }
        return all.stream().distinct().toList();
    }

    /** The inspectors (检查人员库) whose region lies on the path of one of the campaign's regions, above or below. */
    private List<Long> inspectorPool(Campaign campaign) {
        List<Region> scope = regions.findAllById(campaign.getRegionIds());
        return people.findEnabledWithRole(Role.INSPECTOR).stream()
                .filter(p -> scope.stream().anyMatch(r -> r.getPath().startsWith(p.getRegion().getPath())
                        || p.getRegion().getPath().startsWith(r.getPath())))
                .map(Person::getId).toList();
    }

    private static Instant startOf(CampaignPhase phase) {
        return phase.getStartsOn().atStartOfDay(LedgerTime.ZONE).toInstant();
    }

    /** The first reminder date of the phase after the given moment; the day after its end when none is left. */
    static OffsetDateTime nextReminder(CampaignPhase phase, Instant after) {
        return PHASE_REMINDER_DAYS.stream()
                .map(days -> phase.getEndsOn().minusDays(days))
                .filter(day -> !day.isBefore(phase.getStartsOn()))
                .filter(day -> day.atTime(LedgerTime.WORKDAY_START).atZone(LedgerTime.ZONE).toInstant().isAfter(after))
                .findFirst()
                .map(day -> LedgerTime.at(day, LedgerTime.WORKDAY_START))
                .orElse(LedgerTime.at(phase.getEndsOn().plusDays(1), LedgerTime.WORKDAY_START));
    }

    /** The campaign, locked against a concurrent cancellation for the rest of the step. */
    Campaign campaign(long id) {
        return campaigns.findForUpdate(id).orElseThrow(() -> new IllegalStateException("campaign " + id + " does not exist"));
    }

    private CampaignPhase phase(long campaignId, int ordinal) {
        return phases.findByCampaignIdAndOrdinal(campaignId, ordinal)
                .orElseThrow(() -> new IllegalStateException("campaign " + campaignId + " has no phase " + ordinal));
    }

    private CampaignDeliverable deliverable(long id) {
        return deliverables.findById(id).orElseThrow(() -> new IllegalStateException("deliverable " + id + " does not exist"));
    }
}
