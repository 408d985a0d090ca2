package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.campaign.CampaignPlan.Deliverable;
import com.civilsafety.ledger.campaign.CampaignPlan.Phase;
import com.civilsafety.ledger.institution.InstitutionType;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;

/**
 * The seed plans as templates, for any year: 绩溪 2023 (shared/seeds 000, five phases within one year) and 泽州
 * 2024–2026 (seed 001, four phases over three years). Dates follow the plans; where a plan gives only a month
 * ("6月底前") the phase ends on its last day. 绩溪's reports are the plan's own: 乡镇专项方案 by 25 May, the townships'
 * 阶段性进展情况 by 3 August and 总体情况 by 8 November (to 福利股), and the monthly 《清单》《调度表》 从6月起至专项行动结束.
 */
public enum CampaignTemplate {
    JIXI_ANNUAL("单年度五阶段（参照绩溪县2023年方案）") {
        @Override
        CampaignPlan plan(int year, String leadOrganisation, List<Long> regionIds) {
            return new CampaignPlan(year + "年民政服务机构重大事故隐患专项排查整治行动", name(), leadOrganisation, "福利股",
                    regionIds, EnumSet.allOf(InstitutionType.class), List.of(
                    phase(PhaseKind.MOBILISATION, year, "05-01", year, "05-15"),
                    phase(PhaseKind.SELF_CHECK, year, "05-16", year, "06-30"),
                    phase(PhaseKind.DEPARTMENT_CHECK, year, "07-01", year, "08-31"),
                    phase(PhaseKind.SUPERVISION, year, "09-01", year, "10-31"),
                    phase(PhaseKind.SUMMARY, year, "11-01", year, "12-31")), List.of(
                    new Deliverable(DeliverableKind.TOWNSHIP_PLAN, null, date(year, "05-25")),
                    new Deliverable(DeliverableKind.STAGE_PROGRESS, "专项行动阶段性进展情况", date(year, "08-03")),
                    new Deliverable(DeliverableKind.TOWNSHIP_SUMMARY, "专项行动总体情况", date(year, "11-08"))),
                    // 部门检查: 全覆盖, by 四不两直 among other ways
                    new InspectionPlan(InspectionMode.FULL, 100, 2, true), true,
                    monthsFrom(year, 6, 12), false);
        }
    },
    ZEZHOU_THREE_YEAR("三年行动四阶段（参照泽州县2024—2026年方案）") {
        @Override
        CampaignPlan plan(int year, String leadOrganisation, List<Long> regionIds) {
            return new CampaignPlan(year + "—" + (year + 2) + "年民政服务机构安全生产治本攻坚三年行动", name(), leadOrganisation,
                    null, regionIds, EnumSet.allOf(InstitutionType.class), List.of(
                    phase(PhaseKind.MOBILISATION, year, "01-01", year, "02-29"), // to the end of February, leap year or not
                    phase(PhaseKind.FOCUSED_REMEDIATION, year, "03-01", year + 1, "12-31"),
                    phase(PhaseKind.ROOT_CAUSE, year + 2, "01-01", year + 2, "09-30"),
                    phase(PhaseKind.EVALUATION, year + 2, "10-01", year + 2, "12-31")), List.of(
                    new Deliverable(DeliverableKind.TOWNSHIP_PLAN, null, date(year, "02-29")),
                    new Deliverable(DeliverableKind.OVERALL_SUMMARY, null, date(year + 2, "12-15"))),
                    // 督导检查: 四不两直、明察暗访 over a random share
                    new InspectionPlan(InspectionMode.DOUBLE_RANDOM, 30, 2, true), true);
        }
    };

    private final String label;

    CampaignTemplate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    abstract CampaignPlan plan(int year, String leadOrganisation, List<Long> regionIds);

    private static Phase phase(PhaseKind kind, int fromYear, String from, int toYear, String to) {
        return new Phase(kind, kind.label(), date(fromYear, from), date(toYear, to));
    }

    /** The months of a year from one month to another, both included, as "2027-06". */
    private static List<String> monthsFrom(int year, int first, int last) {
        return java.util.stream.IntStream.rangeClosed(first, last).mapToObj(m -> java.time.YearMonth.of(year, m).toString()).toList();
    }

    /** MonthDay.atYear turns 02-29 into 02-28 outside leap years. */
    private static LocalDate date(int year, String monthDay) {
        return MonthDay.parse("--" + monthDay).atYear(year);
    }
}
