package com.civilsafety.ledger.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person needs to fill a campaign task: for a self-check the checklist of the institution's type, for a
 * bureau summary the platform's draft, for a monthly dispatch report its 《调度表》 and 《清单》 as the ledger has them now.
 */
public record CampaignTaskForm(long taskId, long campaignId, String campaign, String work, String workLabel,
                               LocalDate dueOn, boolean late, List<ChecklistItem> checklist, String draft,
                               DispatchReportContent dispatchDraft) {

    public record ChecklistItem(String criterionCode, String category, String text, String standard, String article,
                                boolean major) {
    }
}
