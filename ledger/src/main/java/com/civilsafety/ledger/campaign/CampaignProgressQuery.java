package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.criterion.HazardCriterionRepository;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of a running campaign: progress per phase and deliverable, and an institution's part in campaigns. */
@Service
@Transactional(readOnly = true)
public class CampaignProgressQuery {
    private final CampaignService campaigns;
    private final CampaignRepository campaignRows;
    private final CampaignPhaseRepository phases;
    private final CampaignDeliverableRepository deliverables;
    private final CampaignWorkRepository work;
    private final RegionRepository regions;
    private final InstitutionRepository institutions;
    private final HazardCriterionRepository criteria;
    private final InboxService inbox;
    private final DispatchReports dispatchReports;

    CampaignProgressQuery(CampaignService campaigns, CampaignRepository campaignRows, CampaignPhaseRepository phases,
                          CampaignDeliverableRepository deliverables, CampaignWorkRepository work, RegionRepository regions,
                          InstitutionRepository institutions, HazardCriterionRepository criteria, InboxService inbox,
                          DispatchReports dispatchReports) {
        this.dispatchReports = dispatchReports;
        this.criteria = criteria;
        this.inbox = inbox;
        this.campaigns = campaigns;
        this.campaignRows = campaignRows;
        this.phases = phases;
        this.deliverables = deliverables;
        this.work = work;
        this.regions = regions;
        this.institutions = institutions;
    }

    /**
     * The campaign's progress as far as the actor's scope reaches: a township sees its own rows only, an institution
     * only its own work (not how its neighbours are doing).
     */
    public CampaignProgress progress(long campaignId, Actor actor) {
        boolean unannounced = campaigns.get(campaignId, actor).campaign().isUnannounced(); // not found unless visible
        Map<Long, Region> regionsById = new LinkedHashMap<>();
        Map<String, Map<String, CampaignProgress.Row>> rowsBySlot = new LinkedHashMap<>();
        Map<String, TaskKind> kindBySlot = new LinkedHashMap<>();
        for (Object[] r : work.countProgress(campaignId, actor.institutionId())) {
            String slot = (String) r[0];
            TaskKind kind = (TaskKind) r[1];
            long regionId = (Long) r[2];
            InstitutionType type = (InstitutionType) r[3];
            WorkStatus status = (WorkStatus) r[4];
            boolean late = (Boolean) r[5];
            long count = ((Number) r[6]).longValue();
            Region region = regionsById.computeIfAbsent(regionId, id -> regions.findById(id).orElseThrow());
            if (status == WorkStatus.CANCELLED || !region.getPath().startsWith(actor.regionPath())
                    || (actor.institutionId() != null && hiddenFromTheInstitution(kind, status, unannounced))) {
                continue;
            }
            kindBySlot.putIfAbsent(slot, kind);
            CampaignProgress.Counts counts = new CampaignProgress.Counts(count, status == WorkStatus.SUBMITTED ? count : 0,
                    late ? count : 0, status == WorkStatus.OPEN ? count : 0);
            String typeName = type == null ? null : type.name();
            rowsBySlot.computeIfAbsent(slot, s -> new LinkedHashMap<>()).merge(regionId + "/" + typeName,
                    new CampaignProgress.Row(regionId, region.getName(), typeName, counts),
                    (a, b) -> new CampaignProgress.Row(a.regionId(), a.region(), a.institutionType(), a.counts().plus(b.counts())));
        }
        List<CampaignProgress.Slot> slots = new ArrayList<>();
        for (CampaignPhase phase : phases.findByCampaignIdOrderByOrdinal(campaignId)) {
            slots.add(slot(phase.slot(), phase.getName(), phase.getEndsOn(), phase.getStatus(), rowsBySlot, kindBySlot));
            if (rowsBySlot.containsKey(phase.slot() + "F")) {
                slots.add(slot(phase.slot() + "F", phase.getName() + "逾期催办", null, phase.getStatus(), rowsBySlot, kindBySlot));
            }
        }
        for (CampaignDeliverable deliverable : deliverables.findByCampaignIdOrderByDueOn(campaignId)) {
            slots.add(slot(deliverable.slot(), deliverable.getName(), deliverable.getDueOn(), deliverable.getStatus(),
                    rowsBySlot, kindBySlot));
        }
        return new CampaignProgress(campaignId, slots);
    }

    /** 四不两直: an institution does not see an unannounced inspection or visit coming. */
    private static boolean hiddenFromTheInstitution(TaskKind kind, WorkStatus status, boolean unannounced) {
        return unannounced && status == WorkStatus.OPEN && (kind == TaskKind.INSPECTION || kind == TaskKind.SUPERVISION_VISIT);
    }

    private static CampaignProgress.Slot slot(String slot, String name, LocalDate dueOn, PhaseStatus status,
                                              Map<String, Map<String, CampaignProgress.Row>> rowsBySlot,
                                              Map<String, TaskKind> kindBySlot) {
        List<CampaignProgress.Row> rows = rowsBySlot.getOrDefault(slot, Map.of()).values().stream()
                .sorted(Comparator.comparing(CampaignProgress.Row::region).thenComparing(r -> String.valueOf(r.institutionType())))
                .toList();
        CampaignProgress.Counts total = rows.stream().map(CampaignProgress.Row::counts)
                .reduce(new CampaignProgress.Counts(0, 0, 0, 0), CampaignProgress.Counts::plus);
        TaskKind kind = kindBySlot.get(slot);
        return new CampaignProgress.Slot(slot, name, kind == null ? null : kind.name(), kind == null ? null : kind.label(),
                dueOn, status.name(), total, rows);
    }

    /** 迟报: the campaign work in the actor's region that is past its due date and still not submitted. */
    @Transactional(readOnly = true)
    public long lateWork(Actor actor) {
        return work.countLateOpen(actor.regionPath());
    }

    /** The form of a campaign task the actor can see: its checklist or draft. */
    public CampaignTaskForm taskForm(long taskId, Actor actor) {
        InboxTask task = inbox.get(taskId, actor);
        CampaignWork item = work.findByTaskId(task.getId())
                .orElseThrow(() -> new NotFoundException("任务 " + taskId + " 不是专项行动的工作"));
        Campaign campaign = campaignRows.findById(item.getCampaignId()).orElseThrow();
        List<CampaignTaskForm.ChecklistItem> checklist = List.of();
        if (item.getKind() == TaskKind.SELF_CHECK) {
            InstitutionType type = institutions.findById(item.getInstitutionId()).orElseThrow().getType();
            checklist = criteria.findAll().stream().filter(c -> c.appliesTo(type))
                    .sorted(Comparator.comparing(HazardCriterion::getCode))
                    .map(c -> new CampaignTaskForm.ChecklistItem(c.getCode(), c.getCategory().name(), c.getText(),
                            c.getStandard(), c.getArticle(), c.isMajor())).toList();
        }
        List<CampaignPhase> campaignPhases = phases.findByCampaignIdOrderByOrdinal(campaign.getId());
        List<CampaignDeliverable> campaignDeliverables = deliverables.findByCampaignIdOrderByDueOn(campaign.getId());
        CampaignDeliverable deliverable = item.getDeliverableId() == null ? null
                : campaignDeliverables.stream().filter(d -> d.getId().equals(item.getDeliverableId())).findFirst().orElse(null);
        String stage = deliverable != null ? deliverable.getName()
                : campaignPhases.stream().filter(p -> p.getId().equals(item.getPhaseId())).map(CampaignPhase::getName)
                        .findFirst().orElse(null);
        CampaignTaskForm.Notice notice = item.getKind() == TaskKind.NOTICE
                ? notice(campaign, item, campaignPhases, campaignDeliverables) : null;
        return new CampaignTaskForm(taskId, campaign.getId(), campaign.getName(), item.getKind().name(), item.getKind().label(),
                stage, item.getDueOn(), item.isLate(), checklist, item.getDraft(), dispatchReports.draftOf(item),
                dispatchReports.submittedOf(item), notice,
                deliverable == null ? null : deliverable.getKind().guidance(),
                item.getKind() == TaskKind.LATE_FOLLOW_UP ? lateUnits(item) : List.of());
    }

    /**
     * The units a follow-up chases: a township's late institutions ("R" owner), or the late townships and institutions
     * of a bureau's scope ("B"); a leader's follow-up names its one late consolidation in its title.
     */
    private List<CampaignTaskForm.LateUnit> lateUnits(CampaignWork followUp) {
        String owner = followUp.getOwnerKey();
        if (!owner.startsWith("R") && !owner.startsWith("B")) {
            return List.of();
        }
        String path = regions.findById(followUp.getRegionId()).orElseThrow().getPath();
        String slot = followUp.getSlot().substring(0, followUp.getSlot().length() - 1); // the slot it follows up ("…F")
        List<CampaignWork> late = work.findByCampaignIdAndSlotOrderById(followUp.getCampaignId(), slot).stream()
                .filter(CampaignWork::isLate).toList();
        Map<Long, Region> byId = regions.findAllById(late.stream().map(CampaignWork::getRegionId).distinct().toList()).stream()
                .collect(Collectors.toMap(Region::getId, Function.identity()));
        Map<Long, String> names = institutions.findAllById(late.stream().map(CampaignWork::getInstitutionId)
                        .filter(java.util.Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(Institution::getId, Institution::getName));
        return late.stream().filter(w -> byId.get(w.getRegionId()).getPath().startsWith(path))
                .filter(w -> !owner.startsWith("R") || w.getInstitutionId() != null)
                .map(w -> new CampaignTaskForm.LateUnit(w.getInstitutionId() != null ? names.get(w.getInstitutionId())
                        : byId.get(w.getRegionId()).getName(), w.getStatus() == WorkStatus.SUBMITTED))
                .toList();
    }

    /** The campaign's arrangements as its notice states them, and what the one signing owes it. */
    private CampaignTaskForm.Notice notice(Campaign campaign, CampaignWork item, List<CampaignPhase> campaignPhases,
                                           List<CampaignDeliverable> campaignDeliverables) {
        boolean township = regions.findById(item.getRegionId()).map(r -> r.getLevel() == RegionLevel.TOWNSHIP).orElse(false);
        // a directly-run institution (registered at the county) owes what institutions owe and what reporting units owe
        Set<Audience> audiences = item.getInstitutionId() != null
                ? (township ? EnumSet.of(Audience.INSTITUTIONS) : EnumSet.of(Audience.INSTITUTIONS, Audience.REPORTING_UNITS))
                : EnumSet.of(township ? Audience.REPORTING_UNITS : Audience.BUREAU);
        List<CampaignTaskForm.Dated> owed = new ArrayList<>();
        if (audiences.contains(Audience.INSTITUTIONS)) {
            campaignPhases.stream().filter(p -> p.getKind().opens(TaskKind.SELF_CHECK))
                    .forEach(p -> owed.add(new CampaignTaskForm.Dated(p.getName() + "：对照检查清单逐项自查，签名上报",
                            p.getStartsOn(), p.getEndsOn())));
        }
        campaignDeliverables.stream().filter(d -> audiences.contains(d.getKind().audience()))
                .forEach(d -> owed.add(new CampaignTaskForm.Dated(d.getName(), null, d.getDueOn())));
        // by when each begins to be owed: a phase from its start, a deliverable on its day
        owed.sort(Comparator.comparing(d -> d.from() != null ? d.from() : d.to()));
        List<CampaignTaskForm.Dated> schedule = campaignPhases.stream()
                .map(p -> new CampaignTaskForm.Dated(p.getName(), p.getStartsOn(), p.getEndsOn())).toList();
        return new CampaignTaskForm.Notice(campaign.getLeadOrganisation(), campaign.getResponsibleSections(),
                campaign.getInstitutionTypes().stream().sorted().map(InstitutionType::label).toList(), schedule, owed);
    }

    /**
     * An institution's part in campaigns, newest due last. An unannounced inspection (四不两直) is not shown to the
     * institution itself before it has happened.
     */
    public List<InstitutionCampaignWork> ofInstitution(long institutionId, Actor actor) {
        Institution institution = institutions.findById(institutionId)
                .filter(i -> actor.covers(i.getRegion().getPath(), i.getId()))
                .orElseThrow(() -> new NotFoundException("机构不存在：" + institutionId));
        List<CampaignWork> items = work.findByInstitutionIdOrderByDueOnAscIdAsc(institution.getId());
        Map<Long, Campaign> byId = campaignRows.findAllById(items.stream().map(CampaignWork::getCampaignId).distinct().toList())
                .stream().collect(Collectors.toMap(Campaign::getId, Function.identity()));
        Map<Long, String> stageNames = new LinkedHashMap<>();
        for (Long campaignId : byId.keySet()) {
            phases.findByCampaignIdOrderByOrdinal(campaignId).forEach(p -> stageNames.put(p.getId(), p.getName()));
            deliverables.findByCampaignIdOrderByDueOn(campaignId).forEach(d -> stageNames.put(-d.getId(), d.getName()));
        }
        boolean institutionItself = actor.institutionId() != null;
        return items.stream()
                .filter(w -> !(institutionItself
                        && hiddenFromTheInstitution(w.getKind(), w.getStatus(), byId.get(w.getCampaignId()).isUnannounced())))
                .map(w -> {
                    Campaign c = byId.get(w.getCampaignId());
                    String stage = w.getPhaseId() != null ? stageNames.get(w.getPhaseId())
                            : w.getDeliverableId() != null ? stageNames.get(-w.getDeliverableId()) : null;
                    return new InstitutionCampaignWork(c.getId(), c.getName(), c.getStatus().label(), stage, w.getKind().name(),
                            w.getKind().label(), w.getDueOn(), w.getStatus().name(), w.getStatus().label(), w.isLate(),
                            w.getHazardsFound(), w.getTaskId(), w.getSubmittedAt());
                }).toList();
    }
}
