package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns and their schedules: created from a template or from scratch, checked before anything is stored. */
@Service
public class CampaignService {
    public static final String SUBJECT = "CAMPAIGN";

    private final CampaignRepository campaigns;
    private final CampaignPhaseRepository phases;
    private final CampaignDeliverableRepository deliverables;
    private final CampaignWorkRepository work;
    private final RegionRepository regions;
    private final InboxService inbox;
    private final MonthlyDispatch dispatch;
    private final EventLog eventLog;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CampaignPhaseRepository phases, CampaignDeliverableRepository deliverables,
                    CampaignWorkRepository work, RegionRepository regions, InboxService inbox, MonthlyDispatch dispatch,
                    EventLog eventLog, Clock clock) {
        this.dispatch = dispatch;
        this.work = work;
        this.inbox = inbox;
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
        checkNotOver(plan, LedgerTime.today(clock)); // first: a phase of a past year is what went wrong, not the length
        checkSchedule(plan);
        Campaign campaign = campaigns.save(new Campaign(plan, actor.personId(), clock.instant()));
        List<CampaignPlan.Phase> ordered = plan.phases().stream().sorted(Comparator.comparing(CampaignPlan.Phase::startsOn)).toList();
        List<CampaignPhase> saved = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            saved.add(phases.save(new CampaignPhase(campaign.getId(), i + 1, ordered.get(i))));
        }
        campaign.reportIn(dispatch.chooseMonths(plan.dispatchMonths(), saved, plan.regionIds()));
        if (Boolean.TRUE.equals(plan.weeklyDispatch())) {
            campaign.reportWeeklyFrom(dispatch.firstWeek(saved, plan.regionIds()));
        }
        LocalDate first = ordered.getFirst().startsOn();
        LocalDate last = ordered.stream().map(CampaignPlan.Phase::endsOn).max(Comparator.naturalOrder()).orElseThrow();
        List<CampaignPlan.Deliverable> owed = new ArrayList<>(plan.deliverables() == null ? List.of() : plan.deliverables());
        if (!Boolean.FALSE.equals(plan.recurringDuties())) {
            owed.addAll(RecurringDuties.between(first, last));
        }
        for (CampaignPlan.Deliverable d : owed) {
            deliverables.save(new CampaignDeliverable(campaign.getId(), d).opensOn(opensOn(d, first)));
        }
        eventLog.append(EventType.CAMPAIGN_CREATED, SUBJECT, campaign.getId(), actor, null,
                Map.of("name", campaign.getName(), "template", String.valueOf(plan.templateCode())));
        return view(campaign, scope);
    }

    /** A township's plan is owed from the start; anything else opens two weeks before it is due. */
    private static LocalDate opensOn(CampaignPlan.Deliverable deliverable, LocalDate campaignStart) {
        if (deliverable.kind() == DeliverableKind.TOWNSHIP_PLAN) {
            return campaignStart;
        }
        if (deliverable.opensOn() != null) {
            return deliverable.opensOn();
        }
        LocalDate twoWeeksBefore = deliverable.dueOn().minusDays(14);
        return twoWeeksBefore.isBefore(campaignStart) ? campaignStart : twoWeeksBefore;
    }

    /** Records the campaign's process instance, started by the caller once the campaign has committed. */
    @Transactional
    public void started(long campaignId, long processInstanceKey) {
        campaigns.recordProcessInstance(campaignId, processInstanceKey);
    }

    /** The running campaigns' ids and process instances: what an engine that lost its state has to run again. */
    @Transactional(readOnly = true)
    public Map<Long, Long> runningProcesses() {
        Map<Long, Long> running = new java.util.TreeMap<>();
        campaigns.findAllByOrderByIdDesc().stream().filter(c -> c.isActive() && c.getProcessInstanceKey() != null)
                .forEach(c -> running.put(c.getId(), c.getProcessInstanceKey()));
        return running;
    }

    /**
     * What a campaign's run starts again with after its engine lost its state: its schedule less what is done: phases not yet closed, deliverables not yet closed, months whose county report
     * is not yet settled. The called instances start over; their steps find their work already opened and their
     * dates in the ledger, so they wait where they were.
     */
    @Transactional(readOnly = true)
    public CampaignSchedule unfinishedSchedule(long campaignId) {
        List<CampaignPhase> schedule = phases.findByCampaignIdOrderByOrdinal(campaignId);
        return new CampaignSchedule(
                schedule.stream().filter(p -> p.getStatus() != PhaseStatus.CLOSED).map(CampaignPhase::getOrdinal).toList(),
                deliverables.findByCampaignIdOrderByDueOn(campaignId).stream()
                        .filter(d -> d.getStatus() != PhaseStatus.CLOSED).map(CampaignDeliverable::getId).toList(),
                MonthlyDispatch.periods(campaigns.findById(campaignId).orElseThrow(), schedule).stream()
                        .filter(m -> !monthSettled(campaignId, m)).toList());
    }

    /** A month is settled once its county report was consolidated and nothing of it is still open (sent, or late). */
    private boolean monthSettled(long campaignId, String month) {
        String slot = MonthlyDispatch.countySlot(month);
        return !work.findOwnerKeys(campaignId, slot).isEmpty()
                && work.findByCampaignIdAndSlotAndStatusOrderById(campaignId, slot, WorkStatus.OPEN).isEmpty();
    }

    /** The campaign runs in a rebuilt instance now. */
    @Transactional
    public void rebuiltAs(long campaignId, long processInstanceKey) {
        campaigns.replaceProcessInstance(campaignId, processInstanceKey);
    }

    /**
     * Undoes a campaign whose process could not be started, so that no campaign is on the books without one. The event
     * log keeps the creation and records why it was withdrawn.
     */
    @Transactional
    public void withdrawUnstarted(long campaignId, String reason) {
        campaigns.findById(campaignId).filter(c -> c.getProcessInstanceKey() == null).ifPresent(c -> {
            deliverables.deleteAll(deliverables.findByCampaignIdOrderByDueOn(campaignId));
            phases.deleteAll(phases.findByCampaignIdOrderByOrdinal(campaignId));
            campaigns.delete(c);
            eventLog.append(EventType.CAMPAIGN_CANCELLED, SUBJECT, campaignId, Actor.SYSTEM, null, Map.of("reason", reason));
        });
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

    /**
     * 调整调度月份: the months whose 《清单》《调度表》 are reported, with the reason; a month whose reports have opened (or
     * whose opening day has come) stays as it is.
     */
    /** The months reported before and after a change, in the words of the forms (2027年6月). */
    public record MonthsChange(List<String> before, List<String> after, String reason) {
    }

    @Transactional
    public MonthsChange changeDispatchMonths(long campaignId, List<String> months, String reason, Actor actor) {
        Campaign campaign = manageable(campaignId, actor);
        if (months == null) {
            throw new InvalidInputException("months", "必须选择调度月份（可以为空列表，表示不再按月调度）");
        }
        String why = required(reason);
        List<CampaignPhase> schedule = phases.findByCampaignIdOrderByOrdinal(campaignId);
        List<String> before = dispatch.schedule(campaign, schedule).stream().filter(MonthlyDispatch.Month::reported)
                .map(MonthlyDispatch.Month::month).toList();
        dispatch.changeMonths(campaign, schedule, months);
        List<String> after = dispatch.schedule(campaign, schedule).stream().filter(MonthlyDispatch.Month::reported)
                .map(MonthlyDispatch.Month::month).toList();
        eventLog.append(EventType.CAMPAIGN_DISPATCH_MONTHS_CHANGED, SUBJECT, campaign.getId(), actor, null,
                Map.of("months", Map.of("from", before, "to", after), "reason", why));
        return new MonthsChange(written(before), written(after), why);
    }

    private static List<String> written(List<String> months) {
        return months.stream().map(m -> m.substring(0, 4) + "年" + Integer.parseInt(m.substring(5)) + "月").toList();
    }

    /**
     * 提前结束: the phase ends today; the caller tells the phase's run, whose closing step escalates whatever is still
     * open.
     */
    @Transactional
    public void closePhaseEarly(long campaignId, int ordinal, String reason, Actor actor) {
        Campaign campaign = manageable(campaignId, actor);
        CampaignPhase phase = phaseOf(campaignId, ordinal);
        if (phase.getStatus() != PhaseStatus.OPEN) {
            throw new ConflictException("阶段「" + phase.getName() + "」" + phase.getStatus().label() + "，只有进行中的阶段可以提前结束");
        }
        LocalDate today = LedgerTime.today(clock);
        eventLog.append(EventType.CAMPAIGN_PHASE_RESCHEDULED, SUBJECT, campaign.getId(), actor, null, Map.of("ordinal", ordinal,
                "endsOn", Map.of("from", phase.getEndsOn(), "to", today), "closedEarly", true, "reason", required(reason)));
        phase.reschedule(phase.getStartsOn(), today);
    }

    /**
     * 调整阶段时间: a phase not yet started may move both dates, a running one only its end; the dates must still fit
     * the schedule (no overlap, deliverables within the campaign) and not end in the past. The caller tells the
     * phase's run, which re-reads the dates: its timers move. With {@code laterPhasesFollow} the phases after this
     * one move by as many days as its end moved (a longer phase pushes them later, a shorter one brings them forward),
     * so the gaps between phases stay as they were. Answers the ordinals of the phases whose dates changed.
     */
    @Transactional
    public List<Integer> reschedulePhase(long campaignId, int ordinal, LocalDate startsOn, LocalDate endsOn,
                                         boolean laterPhasesFollow, String reason, Actor actor) {
        Campaign campaign = manageable(campaignId, actor);
        CampaignPhase phase = phaseOf(campaignId, ordinal);
        if (phase.getStatus() == PhaseStatus.CLOSED) {
            throw new ConflictException("阶段「" + phase.getName() + "」已结束，不能调整");
        }
        LocalDate newStart = startsOn == null ? phase.getStartsOn() : startsOn;
        if (phase.getStatus() == PhaseStatus.OPEN && !newStart.equals(phase.getStartsOn())) {
            throw new InvalidInputException("startsOn", "阶段已开始，只能调整结束日期");
        }
        if (endsOn == null) {
            throw new InvalidInputException("endsOn", "必须填写结束日期");
        }
        LocalDate today = LedgerTime.today(clock);
        if (endsOn.isBefore(today)) {
            throw new InvalidInputException("endsOn", "结束日期不能早于今天，需要立即结束请使用「提前结束」");
        }
        if (phase.getStatus() == PhaseStatus.PLANNED && newStart.isBefore(today)) {
            throw new InvalidInputException("startsOn", "开始日期不能早于今天");
        }
        if (endsOn.isBefore(newStart)) {
            throw new InvalidInputException("endsOn", "阶段结束日期早于开始日期");
        }
        String why = required(reason);
        List<CampaignPhase> all = phases.findByCampaignIdOrderByOrdinal(campaignId);
        long shift = ChronoUnit.DAYS.between(phase.getEndsOn(), endsOn);
        List<CampaignPhase> following = laterPhasesFollow && shift != 0
                ? all.stream().filter(o -> o.getStartsOn().isAfter(phase.getEndsOn())).toList() : List.of();
        Map<Integer, LocalDate[]> dates = new LinkedHashMap<>();
        dates.put(ordinal, new LocalDate[] {newStart, endsOn});
        for (CampaignPhase later : following) {
            if (later.getStatus() != PhaseStatus.PLANNED) {
                throw new ConflictException("阶段「" + later.getName() + "」已开始，不能随之顺延");
            }
            dates.put(later.getOrdinal(), new LocalDate[] {later.getStartsOn().plusDays(shift), later.getEndsOn().plusDays(shift)});
        }
        for (CampaignPhase other : all) {
            LocalDate[] mine = dates.get(ordinal);
            LocalDate[] theirs = dates.getOrDefault(other.getOrdinal(), new LocalDate[] {other.getStartsOn(), other.getEndsOn()});
            if (other.getOrdinal() != ordinal && !mine[0].isAfter(theirs[1]) && !mine[1].isBefore(theirs[0])) {
                throw new InvalidInputException(other.getOrdinal() < ordinal ? "startsOn" : "endsOn",
                        "与阶段「" + other.getName() + "」（" + theirs[0] + " 至 " + theirs[1] + "）时间重叠"
                                + (other.getOrdinal() > ordinal && !laterPhasesFollow ? "，可选择后续阶段随之顺延" : ""));
            }
        }
        for (CampaignPhase changed : all) {
            LocalDate[] to = dates.get(changed.getOrdinal());
            if (to == null) {
                continue;
            }
            boolean self = changed.getOrdinal() == ordinal;
            eventLog.append(EventType.CAMPAIGN_PHASE_RESCHEDULED, SUBJECT, campaign.getId(), actor, null, Map.of(
                    "ordinal", changed.getOrdinal(),
                    "startsOn", Map.of("from", changed.getStartsOn(), "to", to[0]),
                    "endsOn", Map.of("from", changed.getEndsOn(), "to", to[1]),
                    "reason", self ? why : "随「" + phase.getName() + "」顺延：" + why));
            moveOpenWork(changed, to[1]);
            changed.reschedule(to[0], to[1]);
        }
        return List.copyOf(dates.keySet()); // this phase first, then those that followed it
    }

    /**
     * Work owed by the phase's old end is owed by its new one, in the inbox too (tasks first: the lock order of a
     * submission). Work with a date of its own within the phase keeps it.
     */
    private void moveOpenWork(CampaignPhase phase, LocalDate endsOn) {
        if (endsOn.equals(phase.getEndsOn())) {
            return;
        }
        List<CampaignWork> owed = work.findByCampaignIdAndSlotAndStatusOrderById(phase.getCampaignId(), phase.slot(), WorkStatus.OPEN)
                .stream().filter(w -> phase.getEndsOn().equals(w.getDueOn())).toList();
        inbox.moveDue(owed.stream().map(CampaignWork::getTaskId).filter(Objects::nonNull).toList(), LedgerTime.endOf(endsOn));
        owed.forEach(w -> w.dueOn(endsOn));
    }

    /**
     * 撤销行动: the campaign ends with the reason recorded, its open work is withdrawn (what was submitted stays, and
     * hazards found stay in their loops). Returns the process instance the caller cancels, if it was started.
     */
    @Transactional
    public Optional<Long> cancel(long campaignId, String reason, Actor actor) {
        Campaign campaign = manageable(campaignId, actor);
        String why = required(reason);
        List<CampaignWork> open = work.findByCampaignIdAndStatus(campaignId, WorkStatus.OPEN);
        open.forEach(CampaignWork::cancel);
        int tasks = inbox.cancelOpen(open.stream().map(CampaignWork::getTaskId).filter(Objects::nonNull).toList());
        campaign.end(CampaignStatus.CANCELLED, why);
        eventLog.append(EventType.CAMPAIGN_CANCELLED, SUBJECT, campaignId, actor, null,
                Map.of("reason", why, "withdrawnWork", open.size(), "withdrawnTasks", tasks));
        return Optional.ofNullable(campaign.getProcessInstanceKey());
    }

    /** An active campaign the actor may run: a bureau role whose region holds every region of the campaign. */
    private Campaign manageable(long campaignId, Actor actor) {
        Campaign campaign = campaigns.findForUpdate(campaignId).filter(c -> visible(view(c, regions.findAllById(c.getRegionIds())), actor))
                .orElseThrow(() -> new NotFoundException("专项行动不存在：" + campaignId));
        if (!actor.hasRole(Role.BUREAU_ADMIN) && !actor.hasRole(Role.BUREAU_SECTION)
                || !regions.findAllById(campaign.getRegionIds()).stream().allMatch(r -> r.getPath().startsWith(actor.regionPath()))) {
            throw new ForbiddenException("只有行动所在县局的管理员或业务股室可以调整专项行动");
        }
        if (!campaign.isActive()) {
            throw new ConflictException("专项行动" + campaign.getStatus().label() + "，不能再调整");
        }
        return campaign;
    }

    private CampaignPhase phaseOf(long campaignId, int ordinal) {
        return phases.findByCampaignIdAndOrdinal(campaignId, ordinal)
                .orElseThrow(() -> new NotFoundException("专项行动 " + campaignId + " 没有第 " + ordinal + " 阶段"));
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "必须填写原因");
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException("reason", "原因不能超过1000字");
        }
        return reason.strip();
    }

    private CampaignView view(Campaign campaign, List<Region> scope) {
        List<CampaignPhase> schedule = phases.findByCampaignIdOrderByOrdinal(campaign.getId());
        return new CampaignView(campaign, scope.stream().sorted(Comparator.comparing(Region::getCode)).toList(), schedule,
                deliverables.findByCampaignIdOrderByDueOn(campaign.getId()), dispatch.schedule(campaign, schedule),
                dispatch.weeklySchedule(campaign, schedule));
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

    /** The longest campaign: the three-year plans (泽州 2024—2026) with room to spare. */
    static final int MAX_YEARS = 5;

    /** A campaign lasts at most {@link #MAX_YEARS} years (a typo in a year would otherwise schedule a century of work). */
    static void checkSpan(LocalDate first, LocalDate last) {
        if (last.isAfter(first.plusYears(MAX_YEARS))) {
            throw new InvalidInputException("phases", "行动期不能超过" + MAX_YEARS + "年（" + first + " 至 " + last + "），请检查年份");
        }
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
        LocalDate last = ordered.stream().map(CampaignPlan.Phase::endsOn).max(Comparator.naturalOrder()).orElseThrow();
        checkSpan(first, last);
        if (plan.deliverables() != null) {
            for (int i = 0; i < plan.deliverables().size(); i++) {
                LocalDate due = plan.deliverables().get(i).dueOn();
                if (due.isBefore(first) || due.isAfter(last)) {
                    throw new InvalidInputException("deliverables[" + i + "].dueOn", "截止日期须在行动期内（" + first + " 至 " + last + "）");
                }
                LocalDate opens = plan.deliverables().get(i).opensOn();
                if (opens != null && (opens.isBefore(first) || opens.isAfter(due))) {
                    throw new InvalidInputException("deliverables[" + i + "].opensOn", "开始报送日期须在行动开始（" + first
                            + "）与截止日期之间");
                }
            }
        }
    }

    /**
     * A campaign is deployed for what is to come, and escalates nothing back-dated: a phase already over, or a report
     * already due, would only open work that is late at once. A campaign deployed in its course takes up its running
     * phase from today, and its monthly reports from the first month whose deadline is ahead (MonthlyDispatch).
     */
    private static void checkNotOver(CampaignPlan plan, LocalDate today) {
        for (int i = 0; i < plan.phases().size(); i++) {
            CampaignPlan.Phase phase = plan.phases().get(i);
            if (phase.endsOn().isBefore(today)) {
                throw new InvalidInputException("phases[" + i + "].endsOn", "阶段「" + label(phase) + "」的结束日期 "
                        + phase.endsOn() + " 已过，请调整日期");
            }
        }
        List<CampaignPlan.Deliverable> owed = plan.deliverables() == null ? List.of() : plan.deliverables();
        for (int i = 0; i < owed.size(); i++) {
            if (owed.get(i).dueOn().isBefore(today)) {
                throw new InvalidInputException("deliverables[" + i + "].dueOn", "「" + (owed.get(i).name() == null
                        ? owed.get(i).kind().label() : owed.get(i).name()) + "」的截止日期 " + owed.get(i).dueOn()
                        + " 已过，请删除或调整日期");
            }
        }
    }

    private static String label(CampaignPlan.Phase phase) {
        return phase.name() == null || phase.name().isBlank() ? phase.kind().label() : phase.name();
    }
}
