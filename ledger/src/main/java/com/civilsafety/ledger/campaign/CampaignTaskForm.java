package com.civilsafety.ledger.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person needs to fill a campaign task: for a self-check the checklist of the institution's type, for a
 * bureau summary the platform's draft, for a monthly dispatch report its 《调度表》 and 《清单》 as the ledger has them now;
 * once such a report is submitted, the frozen report to download ({@code submittedReportId}); for a notice what is
 * being signed for (the campaign's arrangements); for a duty record what the duty asks; for a follow-up the late units.
 */
public record CampaignTaskForm(long taskId, long campaignId, String campaign, String work, String workLabel,
                               String stage, LocalDate dueOn, boolean late, List<ChecklistItem> checklist, String draft,
                               DispatchReportContent dispatchDraft, Long submittedReportId, Notice notice, String guidance,
                               List<LateUnit> lateUnits) {

    /** Whom a follow-up (逾期催办) is about: a unit whose work was late, and whether it has reported since (补报). */
    public record LateUnit(String name, boolean reportedSince) {
    }

    public record ChecklistItem(String criterionCode, String category, String text, String standard, String article,
                                boolean major) {
    }

    /** The 通知 an institution signs for: who leads, over what, the phases' dates and what the signer itself owes. */
    public record Notice(String leadOrganisation, String responsibleSections, List<String> institutionTypes,
                         List<Dated> phases, List<Dated> owed) {
    }

    /** A phase (from–to) or something owed (due on {@code to}), by name. */
    public record Dated(String name, LocalDate from, LocalDate to) {
    }
}
