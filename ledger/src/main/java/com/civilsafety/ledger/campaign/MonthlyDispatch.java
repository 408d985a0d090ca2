package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the monthly dispatch model (processes/campaign-dispatch.bpmn): each month of a campaign, every township
 * confirms and submits its 《清单》 and 《调度表》 drafted from the ledger by the 16th (opened on the 10th, reminded on
 * the 14th, late ones escalated at 16:00 on the 16th); the bureau section then consolidates the county's forms and
 * submits them upward by the 20th, or the leader hears of it. The reporting rhythm of shared/docs/domain.md (seed 000).
 */
@Component
@Transactional
public class MonthlyDispatch {
    static final int OPENS_ON = 10;
    static final int REMIND_ON = 14;
    static final int DUE_ON = 16;
    static final LocalTime DUE_AT = LocalTime.of(16, 0);
    static final int COUNTY_DUE_ON = 20;

    private final CampaignRun run;
    private final CampaignWorkRepository work;
    private final RegionRepository regions;
    private final EventLog eventLog;
    private final Clock clock;

    MonthlyDispatch(CampaignRun run, CampaignWorkRepository work, RegionRepository regions, EventLog eventLog, Clock clock) {
        this.run = run;
        this.work = work;
        this.regions = regions;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** The months reported in: those whose 16th lies within the campaign, from its first day to its last. */
    static List<String> months(List<CampaignPhase> schedule) {
        LocalDate start = firstDay(schedule);
        LocalDate end = schedule.stream().map(CampaignPhase::getEndsOn).max(Comparator.naturalOrder()).orElseThrow();
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.atDay(DUE_ON).isAfter(end); m = m.plusMonths(1)) {
            if (!m.atDay(DUE_ON).isBefore(start)) {
                months.add(m.toString());
            }
        }
        return months;
    }

    /** The first and last day a month's report covers: from the campaign's first day to the 15th of the month. */
    static LocalDate[] period(List<CampaignPhase> schedule, String month) {
        return new LocalDate[]{firstDay(schedule), YearMonth.parse(month).atDay(DUE_ON - 1)};
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

    public DispatchDates dates(long campaignId, String month) {
        YearMonth m = YearMonth.parse(month);
        return new DispatchDates(LedgerTime.at(m.atDay(OPENS_ON), LedgerTime.WORKDAY_START),
                LedgerTime.at(m.atDay(REMIND_ON), LedgerTime.WORKDAY_START), LedgerTime.at(m.atDay(DUE_ON), DUE_AT),
                LedgerTime.at(m.atDay(COUNTY_DUE_ON), LedgerTime.LAST_SECOND));
    }

    /**
     * 生成乡镇报表: a confirm-and-submit task for every township in scope; its draft is read live from the ledger.
     * Answers how many were opened.
     */
    public int openTownships(long campaignId, String month, ProcessStep step) {
        Campaign campaign = run.campaign(campaignId);
        if (!campaign.isActive()) {
            return 0;
        }
        LocalDate due = YearMonth.parse(month).atDay(DUE_ON);
        String slot = townshipSlot(month);
        List<CampaignRun.Opened> opened = run.townships(campaign).stream().map(t -> new CampaignRun.Opened(
                new CampaignWork(campaignId, slot, TaskKind.DISPATCH_REPORT, "R" + t.getId(), t.getId(), null, due),
                t, Role.TOWNSHIP_OFFICER, null, t.getName() + " " + label(month) + "（" + due + " 16:00 前报送）")).toList();
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
        return run.remind(campaignId, townshipSlot(month), true, step);
    }

    /** Escalates the townships whose report is late; answers how many. */
    public int escalateTownships(long campaignId, String month, ProcessStep step) {
        return run.escalateLate(run.campaign(campaignId), townshipSlot(month), label(month), step);
    }

    /**
     * 县级汇总: a consolidation task for the bureau section of each region the campaign was deployed over; answers how
     * many were opened.
     */
    public int consolidate(long campaignId, String month, ProcessStep step) {
        Campaign campaign = run.campaign(campaignId);
        if (!campaign.isActive()) {
            return 0;
        }
        LocalDate due = YearMonth.parse(month).atDay(COUNTY_DUE_ON);
        String slot = countySlot(month);
        List<CampaignRun.Opened> opened = regions.findAllById(campaign.getRegionIds()).stream().map(r -> new CampaignRun.Opened(
                new CampaignWork(campaignId, slot, TaskKind.COUNTY_DISPATCH_REPORT, "B" + r.getId(), r.getId(), null, due),
                r, Role.BUREAU_SECTION, null, r.getName() + " " + label(month) + "汇总（" + due + " 前报市局）")).toList();
        return run.save(campaign, slot, opened, step, w -> w);
    }

    /**
     * The county's report not sent upward by the 20th: marked late, and the leader is asked to see to it. Answers how
     * many were late.
     */
    public int escalateCounty(long campaignId, String month, ProcessStep step) {
        Campaign campaign = run.campaign(campaignId);
        String slot = countySlot(month);
        List<CampaignWork> late = campaign.isActive() ? work.lockOpen(campaignId, slot) : List.of();
        late.forEach(CampaignWork::markLate);
        LocalDate due = LedgerTime.today(clock).plusDays(CampaignRun.FOLLOW_UP_DAYS);
        List<CampaignRun.Opened> followUps = late.stream().map(w -> {
            Region region = regions.findById(w.getRegionId()).orElseThrow();
            return new CampaignRun.Opened(new CampaignWork(campaignId, slot + "F", TaskKind.LATE_FOLLOW_UP,
                    "L" + region.getId(), region.getId(), null, due), region, Role.LEADER, null,
                    region.getName() + " " + label(month) + "汇总逾期未报市局");
        }).toList();
        run.save(campaign, slot + "F", followUps, step, w -> w);
        if (!late.isEmpty()) {
            eventLog.append(EventType.CAMPAIGN_ESCALATED, CampaignService.SUBJECT, campaignId, Actor.SYSTEM, step,
                    Map.of("slot", slot, "late", late.size(), "followUps", followUps.size()));
        }
        return late.size();
    }

    static String label(String month) {
        YearMonth m = YearMonth.parse(month);
        return m.getYear() + "年" + m.getMonthValue() + "月《清单》《调度表》";
    }
}
