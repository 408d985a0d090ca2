package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.OfficeHours;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the monthly dispatch model (processes/campaign-dispatch.bpmn): in each month the campaign reports in,
 * every reporting unit (each township, each directly-run institution) confirms and submits its 《清单》 and 《调度表》
 * drafted from the ledger by the end of office hours on
 * the 16th (每月16日下午下班前: opened on the 10th or the first working day after it, reminded two working days before
 * the deadline, late ones escalated at the deadline); the bureau section then consolidates the county's forms and submits them upward by the end of office hours
 * on the 20th, or the leader hears of it. A deadline on a day no one works moves to the next working day
 * ({@link OfficeHours}). The reporting rhythm of seed 000 (绩溪: 从6月起至专项行动结束). The model runs one instance for
 * every month of the campaign's span; a month the campaign does not report in opens nothing, so the months can be
 * changed until a month's reports open.
 */
@Component
@Transactional
public class MonthlyDispatch {
    static final int OPENS_ON = 10;
    static final int DUE_ON = 16;
    static final int COUNTY_DUE_ON = 20;

    private final CampaignRun run;
    private final CampaignWorkRepository work;
    private final RegionRepository regions;
    private final EventLog eventLog;
    private final OfficeHours officeHours;
    private final BureauSections sections;
    private final Clock clock;

    MonthlyDispatch(CampaignRun run, CampaignWorkRepository work, RegionRepository regions, EventLog eventLog,
                    OfficeHours officeHours, BureauSections sections, Clock clock) {
        this.sections = sections;
        this.run = run;
        this.work = work;
        this.regions = regions;
        this.eventLog = eventLog;
        this.officeHours = officeHours;
        this.clock = clock;
    }

    /** A month of the campaign's span: whether it reports, when, and whether its reports have opened. */
    public record Month(String month, String label, boolean reported, DispatchDates dates, boolean opened) {
    }

    /**
     * The months of a campaign's span (those whose 16th lies within it), each with its dates and whether the campaign
     * reports in it.
     */
    @Transactional(readOnly = true)
    public List<Month> schedule(Campaign campaign, List<CampaignPhase> phases) {
        LocalTime closing = closing(campaign);
        Set<String> opened = new HashSet<>(work.findSlots(campaign.getId()));
        return months(phases).stream().map(m -> new Month(m, label(m), campaign.reportsIn(m), dates(new DispatchPeriod(m), closing),
                opened.contains(townshipSlot(m)))).toList();
    }

    /** 周调度: the weeks the campaign reports in, each with its dates and whether its reports have opened; none unless weekly. */
    @Transactional(readOnly = true)
    public List<Month> weeklySchedule(Campaign campaign, List<CampaignPhase> phases) {
        LocalTime closing = closing(campaign);
        Set<String> opened = new HashSet<>(work.findSlots(campaign.getId()));
        return weeks(phases).stream().filter(campaign::reportsIn).map(w -> new Month(w, label(w), true,
                dates(new DispatchPeriod(w), closing), opened.contains(townshipSlot(w)))).toList();
    }

    /**
     * The first week a weekly campaign reports in: the first of its span whose reports are still due ahead (a campaign
     * deployed in its course is not told of weeks already past). Refused when no week is left.
     */
    String firstWeek(List<CampaignPhase> phases, List<Long> regionIds) {
        LocalTime closing = closesAt(regionIds);
        return weeks(phases).stream()
                .filter(w -> dates(new DispatchPeriod(w), closing).dueAt().toInstant().isAfter(clock.instant())).findFirst()
                .orElseThrow(() -> new InvalidInputException("weeklyDispatch", "行动期内没有可以周调度的周（每周五报送，须在行动首日之后、结束日之前）"));
    }

    /**
     * The periods the campaign's model runs a dispatch for: every month of the span (a month not reported opens
     * nothing) and, for a weekly campaign, the weeks it reports in.
     */
    static List<String> periods(Campaign campaign, List<CampaignPhase> schedule) {
        List<String> periods = new ArrayList<>(months(schedule));
        weeks(schedule).stream().filter(campaign::reportsIn).forEach(periods::add);
        return periods;
    }

    /**
     * A plan's months before it is deployed: the months of its span with their dates, and whether they would report
     * (as {@link #chooseMonths} would choose them; a month it would refuse shows as not reported).
     */
    @Transactional(readOnly = true)
    public List<Month> preview(CampaignPlan plan) {
        if (plan.phases() == null || plan.phases().isEmpty() || plan.phases().stream()
                .anyMatch(p -> p == null || p.startsOn() == null || p.endsOn() == null)) {
            return List.of();
        }
        LocalTime closing = closesAt(plan.regionIds() == null ? List.of()
                : plan.regionIds().stream().filter(java.util.Objects::nonNull).toList());
        LocalDate first = plan.phases().stream().map(CampaignPlan.Phase::startsOn).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = plan.phases().stream().map(CampaignPlan.Phase::endsOn).max(Comparator.naturalOrder()).orElseThrow();
        CampaignService.checkSpan(first, last);
        if (plan.dispatchMonths() != null) {
            for (String m : plan.dispatchMonths()) {
                if (m == null || !m.matches("\\d{4}-(0[1-9]|1[0-2])")) {
                    throw new InvalidInputException("dispatchMonths", m == null ? "调度月份不能为空" : "调度月份应写作 2027-06：" + m);
                }
            }
        }
        List<String> span = months(first, last);
        return span.stream().map(m -> {
            DispatchDates dates = dates(new DispatchPeriod(m), closing);
            boolean ahead = dates.dueAt().toInstant().isAfter(clock.instant());
            return new Month(m, label(m), ahead && (plan.dispatchMonths() == null || plan.dispatchMonths().contains(m)), dates, false);
        }).toList();
    }

    /**
     * The months a new campaign reports in: those asked for, or every month of its span whose townships' deadline is
     * still ahead — a campaign deployed in its course is not told of months already past (nor escalated for them).
     * A month outside the span, twice, or past is refused.
     */
    List<String> chooseMonths(List<String> asked, List<CampaignPhase> phases, List<Long> regionIds) {
        LocalTime closing = closesAt(regionIds);
        List<String> span = months(phases);
        if (asked == null) {
            return span.stream().filter(m -> dates(new DispatchPeriod(m), closing).dueAt().toInstant().isAfter(clock.instant())).toList();
        }
        return checkMonths("dispatchMonths", asked, span, m -> {
            if (!dates(new DispatchPeriod(m), closing).dueAt().toInstant().isAfter(clock.instant())) {
                return m + " 的报送截止时间已过";
            }
            return null;
        });
    }

    /**
     * 调整调度月份 of a running campaign: a month may be added or taken away until its reports open (the 10th); the months
     * already opened stay as they are.
     */
    void changeMonths(Campaign campaign, List<CampaignPhase> phases, List<String> asked) {
        Set<String> opened = new HashSet<>(work.findSlots(campaign.getId()));
        List<String> span = months(phases);
        LocalTime closing = closing(campaign);
        List<String> months = checkMonths("months", asked, span, m -> null);
        if (span.stream().allMatch(m -> months.contains(m) == campaign.reportsIn(m))) {
            throw new InvalidInputException("months", "所选月份与现在相同，没有需要调整的");
        }
        for (String m : span) {
            OffsetDateTime opens = dates(new DispatchPeriod(m), closing).opensAt();
            boolean sent = opened.contains(townshipSlot(m));
            if ((sent || !opens.toInstant().isAfter(clock.instant())) && months.contains(m) != campaign.reportsIn(m)) {
                String when = opens.toLocalDate().format(DateTimeFormatter.ofPattern("M月d日"));
                throw new InvalidInputException("months", label(m) + (sent ? "已于" + when + "派发" : "的派发时间（" + when + "）已过")
                        + "，不能再" + (months.contains(m) ? "增加" : "取消"));
            }
        }
        campaign.reportIn(months);
    }

    private static List<String> checkMonths(String field, List<String> asked, List<String> span,
                                            java.util.function.Function<String, String> problem) {
        Set<String> seen = new HashSet<>();
        for (String m : asked) {
            if (m == null) {
                throw new InvalidInputException(field, "调度月份不能为空");
            }
            if (!m.matches("\\d{4}-(0[1-9]|1[0-2])")) {
                throw new InvalidInputException(field, "调度月份应写作 2027-06：" + m);
            }
            if (!span.contains(m)) {
                throw new InvalidInputException(field, m + " 不在行动期内（可选：" + (span.isEmpty() ? "无"
                        : span.getFirst() + " 至 " + span.getLast()) + "，当月16日须在行动首日之后、结束日之前）");
            }
            if (!seen.add(m)) {
                throw new InvalidInputException(field, m + " 重复");
            }
            String why = problem.apply(m);
            if (why != null) {
                throw new InvalidInputException(field, why);
            }
        }
        return span.stream().filter(seen::contains).toList();
    }

    /**
     * The months of the span: those whose 16th lies within the campaign, after its first day (a campaign that starts on
     * the 16th has nothing to report that day) and not after its last.
     */
    static List<String> months(List<CampaignPhase> schedule) {
        return months(firstDay(schedule), schedule.stream().map(CampaignPhase::getEndsOn).max(Comparator.naturalOrder()).orElseThrow());
    }

    /**
     * The weeks of the span: those whose Friday (their reports' due day) lies within the campaign, after its first day
     * (a report covers the days before its due day, so a campaign that starts on a Friday first reports the next week).
     */
    static List<String> weeks(List<CampaignPhase> schedule) {
        LocalDate start = firstDay(schedule);
        LocalDate end = schedule.stream().map(CampaignPhase::getEndsOn).max(Comparator.naturalOrder()).orElseThrow();
        List<String> weeks = new ArrayList<>();
        for (DispatchPeriod w = DispatchPeriod.weekOf(start); !w.dueOn().isAfter(end); w = DispatchPeriod.weekOf(w.firstDay().plusWeeks(1))) {
            if (w.dueOn().isAfter(start)) {
                weeks.add(w.key());
            }
        }
        return weeks;
    }

    private static List<String> months(LocalDate start, LocalDate end) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.atDay(DUE_ON).isAfter(end); m = m.plusMonths(1)) {
            if (m.atDay(DUE_ON).isAfter(start)) {
                months.add(m.toString());
            }
        }
        return months;
    }

    /**
     * The first and last day a report covers: from the campaign's first day to the day before the due day (the 15th
     * of the month; a week's Thursday).
     */
    static LocalDate[] period(List<CampaignPhase> schedule, String period) {
        return new LocalDate[]{firstDay(schedule), new DispatchPeriod(period).lastDayCovered()};
    }

    private static LocalDate firstDay(List<CampaignPhase> schedule) {
        return schedule.stream().map(CampaignPhase::getStartsOn).min(Comparator.naturalOrder()).orElseThrow();
    }

    static String townshipSlot(String month) {
        return "M" + month;
    }

    static String countySlot(String month) {
        return "M" + month + "C";
    }

    /** The sections' field consolidations of a period. */
    static String fieldSlot(String month) {
        return "M" + month + "S";
    }

    public DispatchDates dates(long campaignId, String period) {
        return dates(new DispatchPeriod(period), closing(run.campaign(campaignId)));
    }

    private DispatchDates dates(DispatchPeriod p, LocalTime closing) {
        OffsetDateTime due = officeHours.endOfOfficeHours(p.dueOn(), closing);
        LocalDate remind = officeHours.workingDaysBefore(due.toLocalDate(), p.remindWorkingDaysBefore());
        LocalDate opens = officeHours.workingDayFrom(p.opensOn());
        opens = opens.isAfter(remind) ? remind : opens; // a run of holidays: open no later than the reminder
        OffsetDateTime countyDue = officeHours.endOfOfficeHours(p.countyDueOn(), closing);
        // a week's deadline moved past its next Monday by holidays: the county still has the next working day
        countyDue = countyDue.isAfter(due) ? countyDue : officeHours.endOfOfficeHours(due.toLocalDate().plusDays(1), closing);
        return new DispatchDates(LedgerTime.at(opens, LedgerTime.WORKDAY_START), LedgerTime.at(remind, LedgerTime.WORKDAY_START),
                due, countyDue);
    }

    /** When the offices of the campaign's regions close (a county's own hours, else its city's, else the default). */
    private LocalTime closing(Campaign campaign) {
        return closesAt(List.copyOf(campaign.getRegionIds()));
    }

    private LocalTime closesAt(List<Long> regionIds) {
        List<String> codes = new ArrayList<>();
        regions.findAllById(regionIds).forEach(region -> codes.addAll(regions.codesUpward(region)));
        return officeHours.closesAt(codes);
    }

    /**
     * 生成乡镇报表: a confirm-and-submit task for every reporting unit in scope (townships, directly-run institutions);
     * its draft is read live from the ledger.
     * Answers how many were opened.
     */
    public int openTownships(long campaignId, String month, ProcessStep step) {
        Campaign campaign = run.campaign(campaignId);
        if (!campaign.isActive() || !campaign.reportsIn(month)) {
            return 0;
        }
        OffsetDateTime due = dates(new DispatchPeriod(month), closing(campaign)).dueAt();
        String slot = townshipSlot(month);
        List<CampaignRun.Opened> opened = run.reportingUnits(campaign).stream().map(u -> u.opened(
                new CampaignWork(campaignId, slot, TaskKind.DISPATCH_REPORT, u.ownerKey(), u.region().getId(),
                        u.institutionId(), due.toLocalDate()),
                label(month) + "（" + written(due) + "前报送；" + campaign.getName() + "）", due.toInstant())).toList();
        int count = run.save(campaign, slot, opened, step, w -> w);
        if (count == 0) {
            return 0; // opened before (a rebuilt instance runs the step again)
        }
        eventLog.append(EventType.CAMPAIGN_DELIVERABLE_OPENED, CampaignService.SUBJECT, campaignId, Actor.SYSTEM, step,
                Map.of("dispatch", month, "opened", count));
        return count;
    }

    /** Reminds the townships that have not yet submitted; answers how many. */
    public int remindTownships(long campaignId, String month, ProcessStep step) {
        return run.campaign(campaignId).reportsIn(month) ? run.remind(campaignId, townshipSlot(month), true, step) : 0;
    }

    /** Escalates the townships whose report is late; answers how many. */
    public int escalateTownships(long campaignId, String month, ProcessStep step) {
        Campaign campaign = run.campaign(campaignId);
        return campaign.reportsIn(month) ? run.escalateLate(campaign, townshipSlot(month), label(month), sections.consolidating(), step) : 0;
    }

    /**
     * 县级汇总: a consolidation task for the bureau section of each region the campaign was deployed over; answers how
     * many were opened.
     */
    public int consolidate(long campaignId, String month, ProcessStep step) {
        Campaign campaign = run.campaign(campaignId);
        if (!campaign.isActive() || !campaign.reportsIn(month)) {
            return 0;
        }
        OffsetDateTime due = dates(new DispatchPeriod(month), closing(campaign)).countyDueAt();
        List<Region> scope = regions.findAllById(campaign.getRegionIds());
        // 各股室: each field the campaign covers is consolidated by its section, for the consolidating one (福利股)
        List<CampaignRun.Opened> fields = scope.stream().flatMap(r -> sections.covering(campaign.getInstitutionTypes()).stream()
                .map(f -> new CampaignRun.Opened(new CampaignWork(campaignId, fieldSlot(month), TaskKind.FIELD_DISPATCH_REPORT,
                        fieldOwner(r, f.name()), r.getId(), null, due.toLocalDate()), r, Role.BUREAU_SECTION, null,
                        r.getName() + f.name() + " " + label(month) + "本领域汇总（" + written(due)
                                // the consolidating section's own field goes into its county consolidation, not to itself
                                + (f.name().equals(sections.consolidating()) ? "前完成，计入县级汇总" : "前报" + sections.consolidating())
                                + "；" + campaign.getName() + "）", due.toInstant(), f.name()))).toList();
        int count = run.save(campaign, fieldSlot(month), fields, step, w -> w);
        String slot = countySlot(month);
        List<CampaignRun.Opened> opened = scope.stream().map(r -> new CampaignRun.Opened(
                new CampaignWork(campaignId, slot, TaskKind.COUNTY_DISPATCH_REPORT, "B" + r.getId(), r.getId(), null, due.toLocalDate()),
                r, Role.BUREAU_SECTION, null, r.getName() + " " + label(month) + "汇总（" + written(due) + "前报市局；"
                        + campaign.getName() + "）",
                due.toInstant(), sections.consolidating())).toList();
        return count + run.save(campaign, slot, opened, step, w -> w);
    }

    /** Who owes a field's consolidation: the section, in the region ("S12:社会事务股"). */
    static String fieldOwner(Region region, String section) {
        return "S" + region.getId() + ":" + section;
    }

    /** The section a field's consolidation is owed by. */
    static String sectionOf(CampaignWork fieldWork) {
        return fieldWork.getOwnerKey().substring(fieldWork.getOwnerKey().indexOf(':') + 1);
    }

    /**
     * The county's report not sent upward by the 20th: marked late, and the leader is asked to see to it. Answers how
     * many were late.
     */
    public int escalateCounty(long campaignId, String month, ProcessStep step) {
        Campaign campaign = run.campaign(campaignId);
        String slot = countySlot(month);
        boolean owed = campaign.isActive() && campaign.reportsIn(month);
        List<CampaignWork> late = owed ? work.lockOpen(campaignId, slot) : List.of();
        List<CampaignWork> lateFields = owed ? work.lockOpen(campaignId, fieldSlot(month)) : List.of();
        late.forEach(CampaignWork::markLate);
        lateFields.forEach(CampaignWork::markLate);
        LocalDate due = LedgerTime.today(clock).plusDays(CampaignRun.FOLLOW_UP_DAYS);
        List<CampaignRun.Opened> followUps = new ArrayList<>(late.stream().map(w -> {
            Region region = regions.findById(w.getRegionId()).orElseThrow();
            return new CampaignRun.Opened(new CampaignWork(campaignId, slot + "F", TaskKind.LATE_FOLLOW_UP,
                    "L" + region.getId(), region.getId(), null, due), region, Role.LEADER, null,
                    region.getName() + " " + label(month) + "汇总逾期未报市局");
        }).toList());
        // a section's field not reported by the 20th: the leader hears of it too
        lateFields.forEach(w -> {
            Region region = regions.findById(w.getRegionId()).orElseThrow();
            followUps.add(new CampaignRun.Opened(new CampaignWork(campaignId, slot + "F", TaskKind.LATE_FOLLOW_UP,
                    "L" + w.getOwnerKey(), region.getId(), null, due), region, Role.LEADER, null,
                    region.getName() + sectionOf(w) + " " + label(month) + "本领域汇总逾期未报" + sections.consolidating()));
        });
        late = new ArrayList<>(late);
        late.addAll(lateFields);
        run.save(campaign, slot + "F", followUps, step, w -> w);
        if (!late.isEmpty()) {
            eventLog.append(EventType.CAMPAIGN_ESCALATED, CampaignService.SUBJECT, campaignId, Actor.SYSTEM, step,
                    Map.of("slot", slot, "late", late.size(), "followUps", followUps.size()));
        }
        return late.size();
    }

    /** A deadline as people read it: 12月16日17:30. */
    private static String written(OffsetDateTime at) {
        return at.atZoneSameInstant(LedgerTime.ZONE).format(DateTimeFormatter.ofPattern("M月d日HH:mm"));
    }

    static String label(String period) {
        return new DispatchPeriod(period).label();
    }
}
