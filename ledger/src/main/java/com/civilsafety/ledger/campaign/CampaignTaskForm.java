package com.civilsafety.ledger.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person needs to fill a campaign task: for a self-check the checklist of the institution's type, for a
 * bureau summary the platform's draft.
 */
public record CampaignTaskForm(long taskId, long campaignId, String campaign, String work, String workLabel,
                               LocalDate dueOn, boolean late, List<ChecklistItem> checklist, String draft) {

    public record ChecklistItem(String criterionCode, String category, String text, String standard, String article,
                                boolean major) {
    }
}
