package com.civilsafety.ledger.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The duties that recur within a campaign's years (泽州 plan): 每季度主要负责人带队检查1次 (due at each quarter's end)
 * and 每年至少1次应急演练 (due at each year's end), clipped to the campaign's period.
 */
final class RecurringDuties {
    private RecurringDuties() {
    }

    static List<CampaignPlan.Deliverable> between(LocalDate first, LocalDate last) {
        List<CampaignPlan.Deliverable> duties = new ArrayList<>();
        for (LocalDate quarter = first.withDayOfMonth(1).withMonth((first.getMonthValue() - 1) / 3 * 3 + 1);
             !quarter.isAfter(last); quarter = quarter.plusMonths(3)) {
            LocalDate opens = quarter.isBefore(first) ? first : quarter;
            LocalDate due = min(quarter.plusMonths(3).minusDays(1), last);
            duties.add(new CampaignPlan.Deliverable(DeliverableKind.PRINCIPAL_INSPECTION,
                    quarter.getYear() + "年第" + ((quarter.getMonthValue() - 1) / 3 + 1) + "季度主要负责人带队检查", due, opens));
        }
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            LocalDate opens = year == first.getYear() ? first : LocalDate.of(year, 1, 1);
            LocalDate due = min(LocalDate.of(year, 12, 31), last);
            duties.add(new CampaignPlan.Deliverable(DeliverableKind.EMERGENCY_DRILL, year + "年应急疏散演练", due, opens));
        }
        return duties;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
