package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.RectificationRate;
import com.civilsafety.ledger.hazard.CampaignHazardFigures;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.region.Region;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Drafts of the bureau's 阶段性总结 and 全面总结 from the ledger's figures as they stand when the deliverable opens.
 * The bureau section edits the draft before it submits; the figures are the ledger's, not typed in.
 */
@Component
class CampaignDrafts {
    private final CampaignWorkRepository work;
    private final HazardService hazards;
    private final Clock clock;

    CampaignDrafts(CampaignWorkRepository work, HazardService hazards, Clock clock) {
        this.work = work;
        this.hazards = hazards;
        this.clock = clock;
    }

    String summary(Campaign campaign, CampaignDeliverable deliverable, Region region) {
        LocalDate today = LedgerTime.today(clock);
        List<Object[]> rows = work.countProgress(campaign.getId(), null);
        Counts selfChecks = counts(rows, TaskKind.SELF_CHECK);
        Counts inspections = counts(rows, TaskKind.INSPECTION);
        CampaignHazardFigures figures = hazards.campaignFigures(campaign.getId());
        return """
                %s%s（草稿）

                截至%d年%d月%d日，%s组织开展%s，纳入排查范围的民政服务机构自查应报 %d 家，已报 %d 家（其中逾期报送或仍未报送 %d 家）；\
                部门检查应查 %d 家，已查 %d 家。

                共排查发现隐患 %d 条，其中重大事故隐患 %d 条；已整改销号 %d 条，整改率 %s；超期未整改 %d 条。

                下一步工作：（请补充）
                """.formatted(region.getName(), deliverable.getName(), today.getYear(), today.getMonthValue(),
                today.getDayOfMonth(), campaign.getLeadOrganisation(), campaign.getName(), selfChecks.total, selfChecks.submitted,
                selfChecks.late, inspections.total, inspections.submitted, figures.found(), figures.major(), figures.closed(),
                RectificationRate.format(figures.rectificationRate()), figures.overdue());
    }

    private record Counts(long total, long submitted, long late) {
    }

    /** Adds up the progress rows of one kind of work (columns as in CampaignWorkRepository.countProgress). */
    private static Counts counts(List<Object[]> rows, TaskKind kind) {
        long total = 0;
        long submitted = 0;
        long late = 0;
        for (Object[] row : rows) {
            if (row[1] == kind && row[4] != WorkStatus.CANCELLED) {
                long count = ((Number) row[6]).longValue();
                total += count;
                submitted += row[4] == WorkStatus.SUBMITTED ? count : 0;
                late += Boolean.TRUE.equals(row[5]) ? count : 0;
            }
        }
        return new Counts(total, submitted, late);
    }
}
